using System.CommandLine;
using RolePlayBot.Cli.Commands;

namespace RolePlayBot.Cli;

/// <summary>The `rpb` command tree.</summary>
public static class RpbCommands
{
    public static RootCommand Build()
    {
        var root = new RootCommand("RolePlayBot (rpb): practise difficult e-commerce customers and get feedback on every reply. 电商客服同理心陪练。");
        foreach (var option in GlobalOptions.All)
        {
            root.Options.Add(option);
        }

        root.Subcommands.Add(PersonasCommand.Build());
        root.Subcommands.Add(PracticeCommand.Build());
        root.Subcommands.Add(EvaluateCommand.Build());
        root.Subcommands.Add(TeamsCommand.Build());
        return root;
    }
}
