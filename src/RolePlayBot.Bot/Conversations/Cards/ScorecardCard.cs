using System.Text.Json.Nodes;
using RolePlayBot.Bot.Conversations.State;
using RolePlayBot.Core;
using RolePlayBot.Core.Scoring;
using RolePlayBot.Core.Sessions;
using static RolePlayBot.Bot.Conversations.Cards.CardJson;

namespace RolePlayBot.Bot.Conversations.Cards;

/// <summary>
/// The end-of-session scorecard: outcome, the three dimension scores, course 2's four emotion-management views,
/// strengths with quotes, the top improvements with their turns and better replies, the anger curve and the
/// reply times. In an exam it also carries the per-turn critiques the trainee did not see during the session.
/// </summary>
public static class ScorecardCard
{
    /// <summary>Turns of per-turn critique an exam card carries at most (keeps the card well under 28 KB).</summary>
    public const int MaxExamTurns = 10;

    /// <param name="assignmentVerdicts">Whether the session passed the trainee's assignments of this persona, one line each.</param>
    public static JsonObject Build(Scorecard card, PracticeSession session, PracticeMode mode, IReadOnlyList<string>? assignmentVerdicts = null)
    {
        var zh = Locales.IsChinese(card.Locale);
        var body = new List<JsonNode>
        {
            Text($"{(zh ? "成绩单" : "Scorecard")} · {session.Persona.Name}", bold: true, size: "Large"),
            Facts(Summary(card, mode, zh)),
            Columns(
                Score(zh ? "速度" : "Speed", card.Scores.Speed),
                Score(zh ? "细致" : "Detail", card.Scores.Detail),
                Score(zh ? "情感" : "Emotion", card.Scores.Emotion),
                Score(zh ? "总分" : "Overall", card.Overall)),
            Section(zh ? "情绪管理四维" : "Emotion management", [Facts(card.EmotionViews.Select(v => (v.Name, v.Score.ToString())))]),
        };
        if (assignmentVerdicts is { Count: > 0 })
        {
            body.Insert(2, Container([.. assignmentVerdicts.Select(v => (JsonNode)Text(v, bold: true, color: v.StartsWith('✅') ? "Good" : "Attention"))], style: "emphasis"));
        }

        if (card.Strengths.Count > 0)
        {
            body.Add(Section(zh ? "做得好" : "Strengths", card.Strengths.Select(s => (JsonNode)Text(
                s.Evidence is null ? $"✓ {s.Text}" : $"✓ {s.Text} — {ScorecardLines.Turn(s.Turn, zh)}「{Clip(s.Evidence, 80)}」", color: "Good", spacing: "Small"))));
        }

        if (card.Improvements.Count > 0)
        {
            var items = card.Improvements.Select(i => (JsonNode)Text(
                $"• [{ScorecardLines.Turn(i.Turn, zh)}] {i.Text}{(i.Evidence is null ? "" : $"「{Clip(i.Evidence, 80)}」")}", spacing: "Small")).ToList();
            foreach (var group in card.Improvements.Where(i => !string.IsNullOrWhiteSpace(i.SuggestedReply)).GroupBy(i => i.Turn))
            {
                items.Add(Container(
                    [Text(zh ? $"第{group.Key}轮可以这样说" : $"Turn {group.Key}, try", bold: true, size: "Small"), Text(Clip(group.First().SuggestedReply!, 400), size: "Small")],
                    style: "emphasis"));
            }

            body.Add(Section(zh ? "最该改进的三点" : "Top improvements", items));
        }

        body.Add(Section(zh ? "愤怒曲线与回复用时" : "Anger curve and reply times",
        [
            Text(ScorecardLines.AngerCurve(card), monospace: true),
            Text(ScorecardLines.ReplyTimes(card, zh), subtle: true, spacing: "Small"),
        ]));
        if (ScorecardLines.Tokens(card, zh) is { } tokens)
        {
            body.Add(Text(tokens, subtle: true, size: "Small", spacing: "Small"));
        }

        if (mode == PracticeMode.Exam && session.Turns.Count > 0)
        {
            body.Add(Section(zh ? "逐轮点评" : "Feedback per turn", session.Turns.TakeLast(MaxExamTurns).Select(t => (JsonNode)Text(
                $"{ScorecardLines.Turn(t.Index, zh)} · {t.ReplyTime.TotalSeconds:0}{(zh ? "秒" : " s")} — {Clip(t.Evaluation.Critique, 200)}", size: "Small", spacing: "Small"))));
        }

        var locale = card.Locale;
        return Card(body,
        [
            Submit(zh ? "再练一次" : "Practise again", Data("restart", ("locale", locale))),
            Submit(zh ? "换个客户" : "Another customer", Data("personas", ("locale", locale))),
        ]);
    }

    /// <summary>A one-line summary for notifications and the activity's <c>summary</c>.</summary>
    public static string OneLine(Scorecard card, string personaName)
    {
        var zh = Locales.IsChinese(card.Locale);
        return zh
            ? $"成绩单 · {personaName} · {ScorecardTexts.OutcomeName(card.Outcome, true)} · 总分 {card.Overall}"
            : $"Scorecard · {personaName} · {ScorecardTexts.OutcomeName(card.Outcome, false)} · overall {card.Overall}";
    }

    private static IEnumerable<(string, string)> Summary(Scorecard card, PracticeMode mode, bool zh)
    {
        yield return (zh ? "结果" : "Outcome", ScorecardTexts.OutcomeName(card.Outcome, zh));
        yield return (zh ? "轮数" : "Turns", card.TurnCount.ToString());
        yield return (zh ? "模式" : "Mode", mode == PracticeMode.Exam ? (zh ? "考试" : "exam") : (zh ? "练习" : "practice"));
        if (card.HintsUsed > 0)
        {
            yield return (zh ? "提示" : "Hints", card.HintsUsed.ToString());
        }
    }

    private static JsonObject Section(string title, IEnumerable<JsonNode> items) =>
        Container([Text(title, bold: true, color: "Accent"), .. items], separator: true);

    private static JsonObject Score(string name, int value) =>
        Column("stretch", Text(name, subtle: true, spacing: "None"), Text(value.ToString(), bold: true, size: "ExtraLarge", spacing: "None"));
}
