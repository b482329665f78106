namespace RolePlayBot.Bot.Conversations;

/// <summary>Settings of the practice conversation (section "Conversations").</summary>
public sealed class ConversationOptions
{
    public const string SectionName = "Conversations";

    /// <summary>How often the chaser looks at waiting customers, in seconds; 0 turns the background loop off (tests tick by hand).</summary>
    public double ChaserIntervalSeconds { get; set; } = 5;

    /// <summary>
    /// Channels known to render Adaptive Cards. Everywhere else the welcome, feedback and scorecard go as
    /// Markdown text only.
    /// </summary>
    public List<string> CardChannels { get; set; } = ["msteams", "webchat", "directline", "emulator", "test"];

    /// <summary>
    /// Also send the scorecard as Markdown where the card renders: the text is the copyable, searchable record in
    /// the chat history and reads well on screen readers and small screens.
    /// </summary>
    public bool ScorecardTextToo { get; set; } = true;

    /// <summary>
    /// While a model plays the customer, the typing indicator is re-sent this often (seconds): clients show one for
    /// about 3 s (Activity spec A6000–A6001), so a single one would vanish during a slow model call.
    /// </summary>
    public double TypingIntervalSeconds { get; set; } = 3;

    /// <summary>
    /// Stream the model customer's answer as it is written (Teams 1:1 chats, Web Chat over the embedded Direct Line's
    /// WebSocket); off, or anywhere else, it arrives as one message when the turn is done.
    /// </summary>
    public bool Streaming { get; set; } = true;

    /// <summary>Seconds between stream chunks in Teams, which allows about one request per second.</summary>
    public double TeamsStreamIntervalSeconds { get; set; } = 1;

    /// <summary>Seconds between stream chunks in Web Chat (the Agents SDK's pace for Direct Line).</summary>
    public double WebChatStreamIntervalSeconds { get; set; } = 0.5;

    /// <summary>
    /// After this many seconds a stream stops and the answer goes as a plain message: Teams closes a stream after
    /// 2 minutes, and the final message still has to follow the judge and the commit.
    /// </summary>
    public double StreamMaxSeconds { get; set; } = 90;

    /// <summary>
    /// The longest trainee message taken as a reply, in characters (an emoji counts once). A real chat reply is a few
    /// hundred; anything past this is a paste accident, and is answered with a request to send it shorter.
    /// </summary>
    public int MaxMessageCharacters { get; set; } = 2000;

    /// <summary>
    /// Replies one session may take before it ends with the scorecard. The longest scripted customers resolve in
    /// about ten; the cap keeps a session's stored state, and so each turn's cost and memory, bounded.
    /// </summary>
    public int MaxTurnsPerSession { get; set; } = 40;

    public bool RendersCards(string? channelId) =>
        channelId is not null && CardChannels.Contains(channelId, StringComparer.OrdinalIgnoreCase);
}
