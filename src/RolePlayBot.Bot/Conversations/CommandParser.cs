using System.Text.RegularExpressions;

namespace RolePlayBot.Bot.Conversations;

/// <summary>
/// Typed commands, case-insensitive, in English or Chinese, with or without a leading "/". A command is the
/// whole message: "help", "提示", "start allergy-complaint", "模式 考试". During a session anything else is the
/// trainee's reply, so a command's argument must be one ASCII word — "开始 处理您的退款" stays a reply.
/// </summary>
public static partial class CommandParser
{
    private static readonly Dictionary<string, CommandKind> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["help"] = CommandKind.Help,
        ["帮助"] = CommandKind.Help,
        ["personas"] = CommandKind.Personas,
        ["customers"] = CommandKind.Personas,
        ["客户列表"] = CommandKind.Personas,
        ["start"] = CommandKind.Start,
        ["开始"] = CommandKind.Start,
        ["hint"] = CommandKind.Hint,
        ["提示"] = CommandKind.Hint,
        ["end"] = CommandKind.End,
        ["结束"] = CommandKind.End,
        ["restart"] = CommandKind.Restart,
        ["重来"] = CommandKind.Restart,
        ["mode"] = CommandKind.Mode,
        ["模式"] = CommandKind.Mode,
        ["assignments"] = CommandKind.Assignments,
        ["我的任务"] = CommandKind.Assignments,
        ["任务"] = CommandKind.Assignments,
        ["dashboard"] = CommandKind.Dashboard,
        ["progress"] = CommandKind.Dashboard,
        ["我的进度"] = CommandKind.Dashboard,
        ["看板"] = CommandKind.Dashboard,
    };

    public static Command? Parse(string text)
    {
        var collapsed = InboundText.Collapse(text);
        if (collapsed.StartsWith('/'))
        {
            collapsed = collapsed[1..];
        }

        var space = collapsed.IndexOf(' ');
        var word = space < 0 ? collapsed : collapsed[..space];
        var argument = space < 0 ? null : collapsed[(space + 1)..];
        if (!Words.TryGetValue(word, out var kind))
        {
            return null;
        }

        return (kind, argument) switch
        {
            (_, null) => new Command(kind),
            (CommandKind.Start, _) when Argument().IsMatch(argument) => new Command(kind, argument),
            (CommandKind.Mode, _) when ModeArgument().IsMatch(argument) => new Command(kind, argument),
            _ => null,
        };
    }

    /// <summary>"practice"/"练习" or "exam"/"考试"; null for anything else.</summary>
    public static State.PracticeMode? ParseMode(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "practice" or "练习" or "练习模式" => State.PracticeMode.Practice,
        "exam" or "test" or "考试" or "考试模式" => State.PracticeMode.Exam,
        _ => null,
    };

    [GeneratedRegex(@"^[\x21-\x7E]{1,200}$")]
    private static partial Regex Argument();

    [GeneratedRegex(@"^([\x21-\x7E]{1,40}|练习|考试|练习模式|考试模式)$")]
    private static partial Regex ModeArgument();
}
