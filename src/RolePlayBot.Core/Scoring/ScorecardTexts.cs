using System.Globalization;
using RolePlayBot.Core.Checklist;
using RolePlayBot.Core.Usage;

namespace RolePlayBot.Core.Scoring;

/// <summary>The scorecard's words in the session's language.</summary>
public static class ScorecardTexts
{
    public static string ViewName(EmotionView view, bool zh) => view switch
    {
        EmotionView.Recognition => zh ? "情绪认知力" : "Recognising emotions",
        EmotionView.Regulation => zh ? "情绪调控力" : "Regulating your own emotions",
        EmotionView.Expression => zh ? "情绪表达力" : "Expressing care",
        _ => zh ? "情绪共情力" : "Empathy",
    };

    /// <summary>What the model calls cost: "模型用量：输入 12,345 tokens（缓存 8,000）· 输出 1,234".</summary>
    public static string Tokens(TokenUsage tokens, bool zh) => string.Format(
        CultureInfo.InvariantCulture,
        zh ? "模型用量：输入 {0:N0} tokens（缓存 {1:N0}）· 输出 {2:N0}" : "Model usage: input {0:N0} tokens ({1:N0} cached) · output {2:N0}",
        tokens.Input, tokens.CachedInput, tokens.Output);

    public static string NoAntiPatterns(bool zh) =>
        zh ? "全程没有推卸责任、冷漠、不耐烦或质疑客户动机" : "No blame-shifting, coldness, impatience or presumed bad faith in any reply";

    public static string Avoid(string name, string gist, bool zh) => zh ? $"避免{name}：{gist}" : $"Avoid {name.ToLowerInvariant()}: {gist}";

    public static string Missing(string name, string gist, bool zh) => zh ? $"整场没有做到「{name}」：{gist}" : $"Never shown: {name.ToLowerInvariant()} — {gist}";

    public static string Slow(double seconds, int target, bool zh) => zh
        ? $"这一轮用了 {seconds:0} 秒才回复（客户 {target} 秒后就开始追问）。先发一句确认收到，再去核实。"
        : $"This reply took {seconds:0} s (the customer starts chasing after {target} s). Confirm receipt first, then look things up.";

    public static string OutcomeName(Sessions.Outcome outcome, bool zh) => outcome switch
    {
        Sessions.Outcome.Resolved => zh ? "已解决" : "resolved",
        Sessions.Outcome.Escalated => zh ? "客户升级投诉" : "escalated",
        Sessions.Outcome.Abandoned => zh ? "客户等不及离开了" : "abandoned",
        Sessions.Outcome.EndedByTrainee => zh ? "由你结束" : "ended by you",
        Sessions.Outcome.TurnLimit => zh ? "达到轮数上限" : "turn limit reached",
        _ => zh ? "进行中" : "ongoing",
    };
}
