using System.Globalization;
using System.Text;
using RolePlayBot.Bot.Dashboard.Data;
using RolePlayBot.Core;
using RolePlayBot.Core.Checklist;
using RolePlayBot.Storage;

namespace RolePlayBot.Bot.Dashboard.Exports;

/// <summary>A session's transcript with its feedback as Markdown, for sharing in a training group or keeping with notes.</summary>
public static class TranscriptMarkdown
{
    public static string Write(SessionRecord session, IReadOnlyList<TurnRecord> turns, DashboardClock clock)
    {
        var md = new StringBuilder();
        var (outcomeZh, outcomeEn) = OutcomeNames.Of(session.Outcome);
        md.Append(CultureInfo.InvariantCulture, $"# 练习记录 Practice transcript · {Inline(session.PersonaId)}\n\n");
        md.Append(CultureInfo.InvariantCulture, $"- 学员 Trainee: {Inline(session.TraineeName)} ({Inline(session.TraineeId)})\n");
        md.Append(CultureInfo.InvariantCulture, $"- 开始 Started: {clock.Format(session.StartedAt)}\n");
        md.Append(CultureInfo.InvariantCulture, $"- 结束 Ended: {(session.EndedAt is { } end ? clock.Format(end) : "进行中 running")}\n");
        md.Append(CultureInfo.InvariantCulture, $"- 结果 Outcome: {outcomeZh} {outcomeEn}\n");
        md.Append(CultureInfo.InvariantCulture, $"- 得分 Scores: 速度 speed {Score(session.Speed)} · 细致 detail {Score(session.Detail)} · 情感 emotion {Score(session.Emotion)} · 总分 overall {Score(session.Overall)}\n\n");
        foreach (var turn in turns)
        {
            md.Append(CultureInfo.InvariantCulture, $"## 第 {turn.Index} 轮 Turn {turn.Index}\n\n");
            md.Append(CultureInfo.InvariantCulture, $"**顾客 Customer** ({clock.Format(turn.CustomerAt)}):\n\n{Quote(turn.CustomerText)}\n\n");
            md.Append(CultureInfo.InvariantCulture, $"**学员 Trainee** ({clock.Format(turn.RepliedAt)}, {turn.ReplySeconds:0.#}s):\n\n{Quote(turn.TraineeText)}\n\n");
            md.Append(CultureInfo.InvariantCulture, $"点评 Feedback — 速度 {turn.Speed} · 细致 {turn.Detail} · 情感 {turn.Emotion} · 愤怒 anger {turn.AngerBefore}→{turn.AngerAfter} · 耐心 patience {turn.PatienceBefore}→{turn.PatienceAfter}\n\n");
            md.Append(Inline(turn.Critique)).Append("\n\n");
            if (turn.JudgeSource == Core.Evaluation.JudgeSources.Fallback)
            {
                md.Append("> ⚠ 模型暂时不可用，这一轮由离线规则点评 / The model was unavailable: the offline rules judged this reply\n\n");
            }

            if (turn.CustomerSource == Core.Customers.CustomerMessage.Fallback)
            {
                md.Append("> ⚠ 模型暂时不可用，顾客的下一句由离线引擎给出 / The model was unavailable: the offline engine gave the customer's next line\n\n");
            }

            foreach (var o in TurnObservations.Of(turn).Where(o => o.Observed))
            {
                var mark = ChecklistItemIds.AntiPatterns.Contains(o.ItemId) ? "✗" : "✓";
                var evidence = string.IsNullOrWhiteSpace(o.Evidence) ? "" : $" 「{Inline(o.Evidence)}」";
                md.Append(CultureInfo.InvariantCulture, $"- {mark} {ItemNames.Of(o.ItemId, Locales.Chinese)} ({o.ItemId}){evidence} — {o.Source}\n");
            }

            if (!string.IsNullOrWhiteSpace(turn.SuggestedReply))
            {
                md.Append(CultureInfo.InvariantCulture, $"\n参考回复 Suggested reply:\n\n{Quote(turn.SuggestedReply)}\n");
            }

            md.Append('\n');
        }

        if (turns.LastOrDefault()?.CustomerReply is { Length: > 0 } reply)
        {
            md.Append(CultureInfo.InvariantCulture, $"**顾客 Customer**:\n\n{Quote(reply)}\n");
        }

        return md.ToString();
    }

    private static string Score(int? score) => score?.ToString(CultureInfo.InvariantCulture) ?? "—";

    /// <summary>Every line of the text as a block quote, so the trainee's words cannot become headings or lists.</summary>
    private static string Quote(string text) => string.Join('\n', text.ReplaceLineEndings("\n").Split('\n').Select(line => "> " + Inline(line)));

    /// <summary>Markdown's own characters escaped, and raw HTML made inert, in text the chat supplied.</summary>
    private static string Inline(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text.ReplaceLineEndings(" "))
        {
            if (@"\`*_[]<>#|".Contains(c))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }
}
