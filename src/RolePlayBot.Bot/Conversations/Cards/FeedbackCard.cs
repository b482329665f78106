using System.Text.Json.Nodes;
using RolePlayBot.Core;
using RolePlayBot.Core.Checklist;
using RolePlayBot.Core.Sessions;
using static RolePlayBot.Bot.Conversations.Cards.CardJson;

namespace RolePlayBot.Bot.Conversations.Cards;

/// <summary>
/// The verdict on one reply: the three dimension scores, the behaviours seen (✓) and the anti-patterns (✗) with
/// the trainee's own words as evidence, the critique, and a better reply.
/// </summary>
public static class FeedbackCard
{
    public static JsonObject Build(Turn turn, string locale)
    {
        var zh = Locales.IsChinese(locale);
        var evaluation = turn.Evaluation;
        var scores = evaluation.Scores;
        var body = new List<JsonNode>
        {
            Text(Title(turn, zh), bold: true, size: "Medium"),
            Columns(
                Score(zh ? "速度" : "Speed", scores.Speed),
                Score(zh ? "细致" : "Detail", scores.Detail),
                Score(zh ? "情感" : "Emotion", scores.Emotion)),
        };
        foreach (var o in evaluation.Items.Where(o => o.Observed))
        {
            var bad = ChecklistItemIds.AntiPatterns.Contains(o.ItemId);
            var quote = o.Evidence is null ? "" : $"「{Clip(o.Evidence, 80)}」";
            body.Add(Text($"{(bad ? "✗" : "✓")} {ItemNames.Of(o.ItemId, locale)}{quote}", color: bad ? "Attention" : "Good", spacing: "Small"));
        }

        body.Add(Text(evaluation.Critique, spacing: "Medium"));
        if (!string.IsNullOrWhiteSpace(evaluation.SuggestedReply))
        {
            body.Add(Container(
                [Text(zh ? "更好的回复" : "A better reply", bold: true), Text(evaluation.SuggestedReply)],
                style: "emphasis"));
        }

        if (evaluation.FellBackToRules)
        {
            body.Add(Text(BotTexts.JudgeFallbackNote(zh), subtle: true, spacing: "Small"));
        }

        if (evaluation.InjectionSuspected)
        {
            body.Add(Text(zh ? "这条回复里有试图指挥评分的内容，已忽略。" : "This reply tried to instruct the grader; that part was ignored.", color: "Warning"));
        }

        return Card(body);
    }

    public static string Title(Turn turn, bool zh)
    {
        var seconds = Math.Max(0, turn.ReplyTime.TotalSeconds);
        var chased = turn.Chasers.Count == 0 ? "" : zh ? $" · 客户催了 {turn.Chasers.Count} 次" : $" · the customer chased {turn.Chasers.Count}×";
        return zh ? $"点评 · 第 {turn.Index} 轮 · 用时 {seconds:0} 秒{chased}" : $"Feedback · turn {turn.Index} · {seconds:0} s{chased}";
    }

    private static JsonObject Score(string name, int value) =>
        Column("stretch", Text(name, subtle: true, spacing: "None"), Text(value.ToString(), bold: true, size: "ExtraLarge", spacing: "None"));
}
