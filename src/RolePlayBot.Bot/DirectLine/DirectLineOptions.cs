namespace RolePlayBot.Bot.DirectLine;

/// <summary>
/// Where Web Chat's Direct Line lives. <c>embedded</c> (the default) serves Direct Line 3.0 from this process under
/// /v3/directline, with no Azure. <c>azure</c> sends the page to Azure's Direct Line channel; <see cref="Secret"/> is then
/// the channel's secret, exchanged server-side for a per-conversation token so that it never reaches a browser.
/// </summary>
public sealed class DirectLineOptions
{
    public const string SectionName = "WebChat:DirectLine";

    public const string EmbeddedMode = "embedded";

    public const string AzureMode = "azure";

    public string Mode { get; set; } = EmbeddedMode;

    /// <summary>Azure: the Direct Line channel secret. Embedded: optional; when set, a server-side caller may use it at /tokens/generate or to start conversations.</summary>
    public string Secret { get; set; } = "";

    /// <summary>Embedded: base64 HMAC key that signs tokens, so tokens survive a restart or work across instances. Empty: a random key per process.</summary>
    public string TokenSigningKey { get; set; } = "";

    public int TokenLifetimeSeconds { get; set; } = 1800;

    /// <summary>How long a streamUrl may wait before its WebSocket connects (Azure: 60 s).</summary>
    public int StreamUrlLifetimeSeconds { get; set; } = 60;

    /// <summary>Activities kept per conversation for polling and replay; older ones are dropped.</summary>
    public int HistoryLimit { get; set; } = 500;

    /// <summary>Conversations kept in memory; past this, the least recently active is forgotten.</summary>
    public int MaxConversations { get; set; } = 2000;

    public string BotId { get; set; } = "roleplaybot";

    public string BotName { get; set; } = "RolePlayBot";

    public string AzureEndpoint { get; set; } = "https://directline.botframework.com/v3/directline";

    public bool IsAzure => string.Equals(Mode, AzureMode, StringComparison.OrdinalIgnoreCase);

    internal string? Validate()
    {
        if (!string.Equals(Mode, EmbeddedMode, StringComparison.OrdinalIgnoreCase) && !IsAzure)
        {
            return $"{SectionName}:Mode must be '{EmbeddedMode}' or '{AzureMode}', not '{Mode}'.";
        }

        if (IsAzure && string.IsNullOrWhiteSpace(Secret))
        {
            return $"{SectionName}:Mode is '{AzureMode}' but {SectionName}:Secret (the Azure Direct Line channel secret) is empty.";
        }

        if (!string.IsNullOrEmpty(TokenSigningKey))
        {
            var buffer = new byte[TokenSigningKey.Length];
            if (!Convert.TryFromBase64String(TokenSigningKey, buffer, out var length) || length < 32)
            {
                return $"{SectionName}:TokenSigningKey must be base64 of at least 32 bytes.";
            }
        }

        if (TokenLifetimeSeconds < 60 || StreamUrlLifetimeSeconds < 5 || HistoryLimit < 10 || MaxConversations < 1)
        {
            return $"{SectionName}: TokenLifetimeSeconds ≥ 60, StreamUrlLifetimeSeconds ≥ 5, HistoryLimit ≥ 10 and MaxConversations ≥ 1.";
        }

        return null;
    }
}
