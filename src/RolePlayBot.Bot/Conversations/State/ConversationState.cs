using RolePlayBot.Bot.Protocol;
using RolePlayBot.Core.Sessions;

namespace RolePlayBot.Bot.Conversations.State;

/// <summary>
/// What the bot remembers about one conversation. Loaded from the store for one turn, mutated by that turn only,
/// then committed with the expected version (see <see cref="Storage.ConversationJournal"/>); stored as JSON by
/// <see cref="Storage.ConversationStateCodec"/>.
/// </summary>
public sealed class ConversationState(string key, ConversationReference reference)
{
    public string Key { get; } = key;

    /// <summary>Where proactive messages (chasers) go: taken from the last inbound activity.</summary>
    public ConversationReference Reference { get; set; } = reference;

    /// <summary>The trainee's language for messages outside a session (zh-CN or en).</summary>
    public string Locale { get; set; } = Core.Locales.Chinese;

    /// <summary>The mode the next session starts in.</summary>
    public PracticeMode Mode { get; set; } = PracticeMode.Practice;

    /// <summary>The running session, or null between sessions.</summary>
    public PracticeSession? Session { get; set; }

    /// <summary>The mode the running session was started in (switching mid-session waits for the next one).</summary>
    public PracticeMode SessionMode { get; set; } = PracticeMode.Practice;

    /// <summary>When the running session started (wall clock), for the session record.</summary>
    public DateTimeOffset SessionStartedAt { get; set; }

    /// <summary>Who practises in the running session: the channel user's AAD object id when present, else their channel id.</summary>
    public string? TraineeId { get; set; }

    public string? TraineeName { get; set; }

    /// <summary>
    /// Who sent this turn's activity, by the same rule as <see cref="TraineeId"/>; set for every turn and not stored
    /// (a chaser tick has no sender, so it stays null there).
    /// </summary>
    public string? UserId { get; set; }

    public string? UserName { get; set; }

    /// <summary>When the customer's latest message was sent to the channel (wall clock); replies are timed from here.</summary>
    public DateTimeOffset CustomerSentAt { get; set; }

    /// <summary>Chasers already delivered since the customer's latest message (the rest were only recorded by the session).</summary>
    public int ChasersSent { get; set; }

    /// <summary>The last persona practised, for restart.</summary>
    public string? LastPersonaId { get; set; }

    /// <summary>The locale the last persona was asked for.</summary>
    public string? LastPersonaLocale { get; set; }

    /// <summary>Sessions started so far; seeds the next one so each round differs but stays reproducible.</summary>
    public int Rounds { get; set; }

    /// <summary>True once the welcome card went out (Web Chat sends both a conversationUpdate and webchat/join).</summary>
    public bool Welcomed { get; set; }

    public bool IsPractising => Session is { IsOver: false };
}
