using System.Text;
using RolePlayBot.Bot.Conversations.State;
using RolePlayBot.Core;
using RolePlayBot.Core.Scoring;
using RolePlayBot.Core.Sessions;

namespace RolePlayBot.Bot.Conversations.Cards;

/// <summary>The scorecard as Markdown: the record that reads anywhere (transcripts, clients without cards, screen readers).</summary>
public static class ScorecardText
{
    public static string Build(Scorecard card, PracticeSession session, PracticeMode mode, IReadOnlyList<string>? assignmentVerdicts = null)
    {
        var zh = Locales.IsChinese(card.Locale);
        var e = (Func<string, string>)BotTexts.Escape;
        var text = new StringBuilder();
        text.Append($"**{(zh ? "成绩单" : "Scorecard")} · {e(session.Persona.Name)}**\n\n");
        text.Append(zh
            ? $"结果：**{ScorecardTexts.OutcomeName(card.Outcome, true)}** · {card.TurnCount} 轮 · {(mode == PracticeMode.Exam ? "考试" : "练习")}\n\n"
            : $"Outcome: **{ScorecardTexts.OutcomeName(card.Outcome, false)}** · {card.TurnCount} turns · {(mode == PracticeMode.Exam ? "exam" : "practice")}\n\n");
        text.Append(zh
            ? $"速度 {card.Scores.Speed} · 细致 {card.Scores.Detail} · 情感 {card.Scores.Emotion} · **总分 {card.Overall}**\n\n"
            : $"Speed {card.Scores.Speed} · Detail {card.Scores.Detail} · Emotion {card.Scores.Emotion} · **Overall {card.Overall}**\n\n");
        foreach (var verdict in assignmentVerdicts ?? [])
        {
            text.Append("**").Append(verdict).Append("**\n\n");
        }

        text.Append(string.Join(" · ", card.EmotionViews.Select(v => $"{v.Name} {v.Score}"))).Append("\n\n");

        if (card.Strengths.Count > 0)
        {
            text.Append(zh ? "**做得好**\n\n" : "**Strengths**\n\n");
            foreach (var s in card.Strengths)
            {
                var quote = s.Evidence is null ? "" : $" — {ScorecardLines.Turn(s.Turn, zh)}「{e(s.Evidence)}」";
                text.Append($"- {e(s.Text)}{quote}\n");
            }

            text.Append('\n');
        }

        if (card.Improvements.Count > 0)
        {
            text.Append(zh ? "**最该改进的三点**\n\n" : "**Top improvements**\n\n");
            foreach (var i in card.Improvements)
            {
                text.Append($"- {ScorecardLines.Turn(i.Turn, zh)}：{e(i.Text)}{(i.Evidence is null ? "" : $"「{e(i.Evidence)}」")}\n");
            }

            foreach (var group in card.Improvements.Where(i => !string.IsNullOrWhiteSpace(i.SuggestedReply)).GroupBy(i => i.Turn))
            {
                text.Append(zh ? $"- _第{group.Key}轮可以这样说_：" : $"- _Turn {group.Key}, try_: ").Append(e(group.First().SuggestedReply!)).Append('\n');
            }

            text.Append('\n');
        }

        text.Append(zh ? "愤怒曲线：" : "Anger curve: ").Append(ScorecardLines.AngerCurve(card)).Append("\n\n");
        text.Append(zh ? "回复用时：" : "Reply times: ").Append(ScorecardLines.ReplyTimes(card, zh)).Append('\n');
        if (ScorecardLines.Tokens(card, zh) is { } tokens)
        {
            text.Append('\n').Append(tokens).Append('\n');
        }

        if (mode == PracticeMode.Exam)
        {
            text.Append(zh ? "\n**逐轮点评**\n\n" : "\n**Feedback per turn**\n\n");
            foreach (var t in session.Turns.TakeLast(ScorecardCard.MaxExamTurns))
            {
                text.Append($"- {ScorecardLines.Turn(t.Index, zh)}：{e(t.Evaluation.Critique)}\n");
            }
        }

        if (card.HintsUsed > 0)
        {
            text.Append(zh ? $"\n用了 {card.HintsUsed} 次提示。\n" : $"\nHints used: {card.HintsUsed}.\n");
        }

        return text.ToString();
    }
}
