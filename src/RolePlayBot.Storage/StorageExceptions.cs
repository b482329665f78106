namespace RolePlayBot.Storage;

/// <summary>Another writer committed this conversation since it was read: reload and run the turn again.</summary>
public sealed class ConcurrencyConflictException(string conversationKey, long expectedVersion)
    : Exception($"Conversation '{conversationKey}' changed since version {expectedVersion} was read.")
{
    public string ConversationKey { get; } = conversationKey;
}

/// <summary>The activity was already handled (a redelivery, or another instance received it too): do nothing.</summary>
public sealed class DuplicateActivityException(string conversationKey, string activityId)
    : Exception($"Activity '{activityId}' of conversation '{conversationKey}' was already handled.")
{
    public string ConversationKey { get; } = conversationKey;

    public string ActivityId { get; } = activityId;
}
