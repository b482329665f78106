namespace RolePlayBot.Bot.Conversations.Streaming;

/// <summary>A livestream the client shows as still being written: its id, and when its last chunk has gone.</summary>
public sealed record OpenStream(string Id, Task Settled);
