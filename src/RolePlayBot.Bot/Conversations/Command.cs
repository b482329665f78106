namespace RolePlayBot.Bot.Conversations;

/// <summary>A command with its argument (persona id, mode) and, from a card, the locale the card was made in.</summary>
public sealed record Command(CommandKind Kind, string? Argument = null, string? Locale = null);
