using System.CommandLine;
using RolePlayBot.Cli.Teams;

namespace RolePlayBot.Cli.Commands;

/// <summary>`rpb teams package --app-id GUID --host DOMAIN [--out FILE]`: the app package to sideload into Teams.</summary>
public static class TeamsCommand
{
    public static Command Build()
    {
        var command = new Command("teams", "Microsoft Teams app. Teams 应用。");
        command.Subcommands.Add(BuildPackage());
        return command;
    }

    private static Command BuildPackage()
    {
        var appId = new Option<string>("--app-id") { Description = "The Azure Bot's Microsoft App ID (a GUID); also the Teams app id.", Required = true };
        var host = new Option<string>("--host") { Description = "The bot's public host name, e.g. bot.example.com (no https://).", Required = true };
        var output = new Option<string>("--out") { Description = "Zip file to write (default: roleplaybot-teams.zip).", DefaultValueFactory = _ => "roleplaybot-teams.zip" };
        var package = new Command("package", "Write the Teams app package (manifest.json, color.png, outline.png). 生成 Teams 应用包。") { appId, host, output };
        package.SetAction(parse =>
        {
            if (!Guid.TryParse(parse.GetValue(appId), out var id) || id == Guid.Empty)
            {
                Console.Error.WriteLine($"error: --app-id must be the bot's Microsoft App ID, a GUID such as 00000000-0000-0000-0000-000000000000, not '{parse.GetValue(appId)}'.");
                return 2;
            }

            var domain = parse.GetValue(host)!.Trim();
            if (TeamsAppPackage.CheckHost(domain) is { } problem)
            {
                Console.Error.WriteLine($"error: {problem}");
                return 2;
            }

            var path = Path.GetFullPath(parse.GetValue(output)!);
            TeamsAppPackage.Write(path, id, domain);
            Console.Out.WriteLine($"Wrote {path}. Upload it in Teams (Apps → Manage your apps → Upload an app) or the Developer Portal.");
            return 0;
        });
        return package;
    }
}
