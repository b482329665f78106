using RolePlayBot.Bot.Protocol;

namespace RolePlayBot.Bot.DirectLine;

/// <summary>The optional body of POST /conversations and /tokens/generate; Web Chat always sends the user it will use.</summary>
internal sealed record StartConversationRequest(ChannelAccount? User, string? Locale);
