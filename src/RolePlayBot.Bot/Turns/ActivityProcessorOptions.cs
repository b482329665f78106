namespace RolePlayBot.Bot.Turns;

/// <summary>How the processor treats turns that are slow or fail.</summary>
public sealed class ActivityProcessorOptions
{
    /// <summary>Teams gives invokes about 5 s before it retries; answer a little sooner.</summary>
    public TimeSpan InvokeTimeout { get; set; } = TimeSpan.FromSeconds(4.5);

    /// <summary>Sent to the trainee when a turn throws, so the conversation does not just go silent.</summary>
    public string ApologyText { get; set; } = "抱歉，刚才处理您的消息时出错了，请再发一次。";
}
