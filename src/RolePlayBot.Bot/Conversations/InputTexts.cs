namespace RolePlayBot.Bot.Conversations;

/// <summary>What the bot says about input it could not take as a reply: empty, too long, or too fast.</summary>
public static class InputTexts
{
    public static string Empty(bool practising, bool zh) => (practising, zh) switch
    {
        (true, true) => "没有收到文字。请直接输入你对客户的回复（图片和文件暂不支持）。",
        (true, false) => "That message had no text. Type your answer to the customer (pictures and files are not supported).",
        (false, true) => "没有收到文字。输入 `客户列表` 选一位客户开始练习，或输入 `帮助` 查看用法。",
        (false, false) => "That message had no text. Type `personas` to pick a customer, or `help` to see what you can do.",
    };

    public static string TooLong(int length, int limit, bool zh) => zh
        ? $"这条消息有 {length} 个字，超过了 {limit} 字的上限，没有计入练习（客户没看到它）。请精简后重新发送。"
        : $"That message is {length} characters long, over the {limit}-character limit, so it was not counted (the customer did not see it). Please send a shorter reply.";

    /// <summary>Said once when messages come faster than anyone types; <paramref name="retryAfter"/> is when the next one counts.</summary>
    public static string TooFast(TimeSpan retryAfter, bool zh)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        return zh
            ? $"消息发得太快了，刚才的消息没有计入练习。请 {seconds} 秒后再发送。"
            : $"Messages are arriving too fast, so the last ones were not counted. Please wait {seconds} seconds before sending again.";
    }
}
