using RolePlayBot.Core.Scoring;

namespace RolePlayBot.Bot.Conversations.Cards;

/// <summary>The scorecard's one-line parts shared by the card and the Markdown: the mood curve, the reply times.</summary>
public static class ScorecardLines
{
    private const string Bars = "▁▂▃▄▅▆▇█";

    /// <summary>Anger over the turns as a text sparkline plus the numbers: "▆▅▃▂  70 → 61 → 40 → 22".</summary>
    public static string AngerCurve(Scorecard card)
    {
        var values = card.MoodCurve.Select(p => p.Anger).ToList();
        var spark = new string([.. values.Select(v => Bars[Math.Clamp(v, 0, 100) * (Bars.Length - 1) / 100])]);
        return $"{spark}  {string.Join(" → ", values)}";
    }

    public static string ReplyTimes(Scorecard card, bool zh)
    {
        if (card.ReplyTimes.Count == 0)
        {
            return zh ? "没有回复" : "no replies";
        }

        var each = string.Join(" · ", card.ReplyTimes.Select(t => zh ? $"第{t.Turn}轮 {t.Seconds:0}秒" : $"turn {t.Turn} {t.Seconds:0} s"));
        return zh ? $"{each}（中位数 {card.MedianReplySeconds:0} 秒）" : $"{each} (median {card.MedianReplySeconds:0} s)";
    }

    public static string Turn(int turn, bool zh) => zh ? $"第{turn}轮" : $"turn {turn}";

    /// <summary>What the session's model calls cost; null for an offline session (no model answered): nothing to show.</summary>
    public static string? Tokens(Scorecard card, bool zh) => card.Tokens is { } tokens ? ScorecardTexts.Tokens(tokens, zh) : null;
}
