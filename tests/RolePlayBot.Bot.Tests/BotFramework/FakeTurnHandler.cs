using System.Collections.Concurrent;
using RolePlayBot.Bot.Protocol;
using RolePlayBot.Bot.Turns;

namespace RolePlayBot.Bot.Tests.BotFramework;

/// <summary>Records every turn; <see cref="OnTurn"/> decides what the turn does.</summary>
internal sealed class FakeTurnHandler : ITurnHandler
{
    private readonly SemaphoreSlim arrived = new(0);

    public ConcurrentQueue<TurnContext> Turns { get; } = new();

    public Func<TurnContext, CancellationToken, Task<InvokeResponse?>> OnTurn { get; set; } = (_, _) => Task.FromResult<InvokeResponse?>(null);

    public async Task<InvokeResponse?> OnTurnAsync(TurnContext context, CancellationToken cancellationToken = default)
    {
        Turns.Enqueue(context);
        try
        {
            return await OnTurn(context, cancellationToken);
        }
        finally
        {
            arrived.Release();
        }
    }

    /// <summary>Waits until <paramref name="count"/> turns have finished, or fails after a generous deadline.</summary>
    public async Task WaitForTurnsAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Assert.True(await arrived.WaitAsync(TimeSpan.FromSeconds(10)), $"only {i} of {count} turns arrived");
        }
    }
}
