using RolePlayBot.Bot.Protocol;

namespace RolePlayBot.Bot.Turns;

/// <summary>The bot's logic for one inbound activity. Invokes return their synchronous response; other activities return null.</summary>
public interface ITurnHandler
{
    Task<InvokeResponse?> OnTurnAsync(TurnContext context, CancellationToken cancellationToken = default);
}
