using RolePlayBot.Core;
using RolePlayBot.Core.Evaluation;
using Spectre.Console;

namespace RolePlayBot.Cli.Terminal;

/// <summary>The evaluator's verdict on one reply: what was observed (with quotes), the critique and a better reply.</summary>
internal static class FeedbackView
{
    public static void Write(ReplyEvaluation evaluation, string locale)
    {
        var zh = Locales.IsChinese(locale);
        var lines = new List<string>
        {
            $"[bold]{(zh ? "速度" : "Speed")} {evaluation.Scores.Speed}  {(zh ? "细致" : "Detail")} {evaluation.Scores.Detail}  {(zh ? "情感" : "Emotion")} {evaluation.Scores.Emotion}[/]",
        };
        foreach (var o in evaluation.Items.Where(o => o.Observed))
        {
            var bad = Core.Checklist.ChecklistItemIds.AntiPatterns.Contains(o.ItemId);
            var mark = bad ? "[red]✗[/]" : "[green]✓[/]";
            var quote = o.Evidence is null ? "" : $" [grey]「{Markup.Escape(o.Evidence)}」[/]";
            lines.Add($"{mark} {Markup.Escape(Core.Checklist.ItemNames.Of(o.ItemId, locale))} [grey]{o.ItemId}[/]{quote}");
        }

        lines.Add("");
        lines.Add(Markup.Escape(evaluation.Critique));
        if (!string.IsNullOrWhiteSpace(evaluation.SuggestedReply))
        {
            lines.Add("");
            lines.Add($"[bold]{(zh ? "更好的回复" : "A better reply")}：[/][italic]{Markup.Escape(evaluation.SuggestedReply)}[/]");
        }

        if (evaluation.FellBackToRules)
        {
            lines.Add(zh ? "[grey](模型暂时不可用，这一轮由离线引擎点评)[/]" : "[grey](the model is unavailable; the offline engine judged this turn)[/]");
        }

        if (evaluation.InjectionSuspected)
        {
            lines.Add(zh ? "[yellow]这条回复里有试图指挥评分的内容，已忽略。[/]" : "[yellow]This reply tried to instruct the grader; that part was ignored.[/]");
        }

        var panel = new Panel(string.Join('\n', lines)) { Header = new PanelHeader(zh ? "点评" : "Feedback"), Border = BoxBorder.Rounded };
        AnsiConsole.Write(panel.BorderColor(Color.Grey));
    }
}
