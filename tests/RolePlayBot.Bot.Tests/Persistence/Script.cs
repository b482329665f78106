namespace RolePlayBot.Bot.Tests.Persistence;

/// <summary>A trainee's replies to the allergy customer, good enough to keep the session going for a few turns.</summary>
internal static class Script
{
    public const string Start = "start allergy-complaint";

    public static readonly string[] Replies =
    [
        "林女士您好，已收到您的反馈，脸上又红又痒一定很难受，真的非常抱歉。麻烦发一下订单号和照片好吗？",
        "谢谢您，我查到订单了。请您先停用精华液，如果还痒建议去医院看看。",
        "我给您全额退款189元，24小时内到账，到账后我再提醒您。",
        "另外医院的费用凭票据我们也承担，您看这样可以吗？",
    ];
}
