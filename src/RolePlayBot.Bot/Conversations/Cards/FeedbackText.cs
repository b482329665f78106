using System.Text;
using RolePlayBot.Core;
using RolePlayBot.Core.Checklist;
using RolePlayBot.Core.Sessions;

namespace RolePlayBot.Bot.Conversations.Cards;

/// <summary>The feedback on one reply as Markdown, for channels that do not render cards.</summary>
public static class FeedbackText
{
    public static string Build(Turn turn, string locale)
    {
        var zh = Locales.IsChinese(locale);
        var e = turn.Evaluation;
        var text = new StringBuilder($"**{FeedbackCard.Title(turn, zh)}**\n\n");
        text.Append(zh
            ? $"速度 {e.Scores.Speed} · 细致 {e.Scores.Detail} · 情感 {e.Scores.Emotion}\n\n"
            : $"Speed {e.Scores.Speed} · Detail {e.Scores.Detail} · Emotion {e.Scores.Emotion}\n\n");
        foreach (var o in e.Items.Where(o => o.Observed))
        {
            var mark = ChecklistItemIds.AntiPatterns.Contains(o.ItemId) ? "✗" : "✓";
            var quote = o.Evidence is null ? "" : $"「{BotTexts.Escape(o.Evidence)}」";
            text.Append($"- {mark} {ItemNames.Of(o.ItemId, locale)}{quote}\n");
        }

        text.Append($"\n{BotTexts.Escape(e.Critique)}\n");
        if (!string.IsNullOrWhiteSpace(e.SuggestedReply))
        {
            text.Append($"\n**{(zh ? "更好的回复" : "A better reply")}**{(zh ? "：" : ": ")}{BotTexts.Escape(e.SuggestedReply)}\n");
        }

        if (e.FellBackToRules)
        {
            text.Append($"\n_{BotTexts.JudgeFallbackNote(zh)}_\n");
        }

        return text.ToString();
    }
}
