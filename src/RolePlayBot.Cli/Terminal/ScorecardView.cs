using RolePlayBot.Core;
using RolePlayBot.Core.Scoring;
using Spectre.Console;

namespace RolePlayBot.Cli.Terminal;

/// <summary>The end-of-session scorecard in the terminal.</summary>
internal static class ScorecardView
{
    public static void Write(Scorecard card)
    {
        var zh = Locales.IsChinese(card.Locale);
        AnsiConsole.Write(new Rule(zh ? "[bold]成绩单[/]" : "[bold]Scorecard[/]"));
        AnsiConsole.MarkupLine($"{(zh ? "结果" : "Outcome")}: [bold]{ScorecardTexts.OutcomeName(card.Outcome, zh)}[/]   {(zh ? "轮数" : "Turns")}: {card.TurnCount}   {(zh ? "总分" : "Overall")}: [bold]{card.Overall}[/]");

        var chart = new BarChart().Width(50).WithMaxValue(100)
            .AddItem(zh ? "速度" : "Speed", card.Scores.Speed, Color.Aqua)
            .AddItem(zh ? "细致" : "Detail", card.Scores.Detail, Color.Yellow)
            .AddItem(zh ? "情感" : "Emotion", card.Scores.Emotion, Color.Fuchsia);
        AnsiConsole.Write(chart);

        var views = new Table().Border(TableBorder.Simple).AddColumns(zh ? "情绪管理" : "Emotion management", zh ? "得分" : "Score");
        foreach (var view in card.EmotionViews)
        {
            views.AddRow(Markup.Escape(view.Name), view.Score.ToString());
        }

        AnsiConsole.Write(views);

        if (card.Strengths.Count > 0)
        {
            AnsiConsole.MarkupLine(zh ? "[bold green]做得好[/]" : "[bold green]Strengths[/]");
            foreach (var s in card.Strengths)
            {
                var quote = s.Evidence is null ? "" : $" — {(zh ? "第" : "turn ")}{s.Turn}{(zh ? "轮" : "")}「{Markup.Escape(s.Evidence)}」";
                AnsiConsole.MarkupLine($"  • {Markup.Escape(s.Text)}{quote}");
            }
        }

        if (card.Improvements.Count > 0)
        {
            AnsiConsole.MarkupLine(zh ? "[bold yellow]最该改进的三点[/]" : "[bold yellow]Top improvements[/]");
            foreach (var i in card.Improvements)
            {
                var where = zh ? $"第{i.Turn}轮" : $"turn {i.Turn}";
                var quote = i.Evidence is null ? "" : $"「{Markup.Escape(i.Evidence)}」";
                AnsiConsole.MarkupLine($"  • [[{where}]] {Markup.Escape(i.Text)} {quote}");
            }

            // One better reply per turn, however many improvements point at it.
            foreach (var group in card.Improvements.Where(i => !string.IsNullOrWhiteSpace(i.SuggestedReply)).GroupBy(i => i.Turn))
            {
                var where = zh ? $"第{group.Key}轮可以这样说" : $"Turn {group.Key}, try";
                AnsiConsole.MarkupLine($"    [italic grey]{where}：{Markup.Escape(group.First().SuggestedReply!)}[/]");
            }
        }

        var curve = string.Join(" → ", card.MoodCurve.Select(p => p.Anger));
        AnsiConsole.MarkupLine($"{(zh ? "愤怒曲线" : "Anger curve")}: {curve}");
        var times = string.Join(", ", card.ReplyTimes.Select(t => $"{t.Seconds:0}s"));
        AnsiConsole.MarkupLine($"{(zh ? "每轮回复用时" : "Reply time per turn")}: {times}   ({(zh ? "中位数" : "median")} {card.MedianReplySeconds:0}s)");
        if (card.Tokens is { } tokens)
        {
            AnsiConsole.MarkupLine($"[grey]{Markup.Escape(ScorecardTexts.Tokens(tokens, zh))}[/]");
        }

        if (card.HintsUsed > 0)
        {
            AnsiConsole.MarkupLine(zh ? $"[grey]用了 {card.HintsUsed} 次提示[/]" : $"[grey]Hints used: {card.HintsUsed}[/]");
        }
    }
}
