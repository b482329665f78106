using Microsoft.Extensions.Options;
using RolePlayBot.Bot.Channels;
using RolePlayBot.Bot.Protocol;

namespace RolePlayBot.Bot.Turns;

/// <summary>
/// Runs turns one conversation at a time, in arrival order, on the thread pool: the channel is answered as soon as the
/// activity is queued, so model calls never hold it past its 10–15 s timeout. Invokes run inline within
/// <see cref="ActivityProcessorOptions.InvokeTimeout"/> because their answer is the HTTP body. A failing turn is logged
/// and apologised for; it never stops the conversation's queue.
/// </summary>
public sealed class QueuedActivityProcessor(
    IServiceScopeFactory scopes,
    IChannelSender sender,
    IOptions<ActivityProcessorOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<QueuedActivityProcessor> logger) : IActivityProcessor, IAsyncDisposable
{
    public const string AdaptiveCardAction = "adaptiveCard/action";

    private readonly Lock gate = new();
    private readonly Dictionary<string, Task> tails = new(StringComparer.Ordinal);

    public Task<InvokeResponse?> ProcessAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        if (string.Equals(activity.Type, ActivityTypes.Invoke, StringComparison.Ordinal))
        {
            return InvokeAsync(activity, cancellationToken);
        }

        var key = ConversationReference.From(activity).Key;
        Task next;
        lock (gate)
        {
            // Every tail swallows its own exceptions, so awaiting the previous one never throws.
            var previous = tails.GetValueOrDefault(key) ?? Task.CompletedTask;
            next = Task.Run(async () =>
            {
                await previous;
                await RunQueuedTurnAsync(activity);
            });
            tails[key] = next;
        }

        _ = next.ContinueWith(done => Forget(key, done), TaskScheduler.Default);
        return Task.FromResult<InvokeResponse?>(null);
    }

    public Task DrainAsync(string conversationKey, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return tails.TryGetValue(conversationKey, out var tail) ? tail.WaitAsync(cancellationToken) : Task.CompletedTask;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Task[] pending;
        lock (gate)
        {
            pending = [.. tails.Values];
        }

        await Task.WhenAll(pending).WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private void Forget(string key, Task done)
    {
        lock (gate)
        {
            if (tails.TryGetValue(key, out var tail) && tail == done)
            {
                tails.Remove(key);
            }
        }
    }

    private async Task RunQueuedTurnAsync(Activity activity)
    {
        var context = new TurnContext(activity, sender);
        try
        {
            await RunTurnAsync(context, lifetime.ApplicationStopping);
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            logger.LogInformation("Turn for {Conversation} cancelled by shutdown", context.Reference.Key);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Turn failed: {Type} activity {Id} in {Conversation}", activity.Type, activity.Id, context.Reference.Key);
            try
            {
                await context.SendTextAsync(options.Value.ApologyText, lifetime.ApplicationStopping);
            }
            catch (Exception sendError)
            {
                logger.LogError(sendError, "Could not send the apology to {Conversation}", context.Reference.Key);
            }
        }
    }

    private async Task<InvokeResponse?> InvokeAsync(Activity activity, CancellationToken cancellationToken)
    {
        var context = new TurnContext(activity, sender);
        var budget = options.Value.InvokeTimeout;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        timeout.CancelAfter(budget);
        var turn = RunTurnAsync(context, timeout.Token);
        try
        {
            // WaitAsync also covers handlers that ignore their token.
            return await turn.WaitAsync(budget, cancellationToken) ?? new InvokeResponse(StatusCodes.Status501NotImplemented, null);
        }
        catch (Exception e) when (e is TimeoutException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            _ = turn.ContinueWith(t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);
            logger.LogWarning("Invoke {Name} in {Conversation} did not finish within {Budget}", activity.Name, context.Reference.Key, budget);
            return Failure(activity, "Timeout", "The bot took too long to answer.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Invoke {Name} failed in {Conversation}", activity.Name, context.Reference.Key);
            return Failure(activity, "InternalError", "The bot could not handle this action.");
        }
    }

    private async Task<InvokeResponse?> RunTurnAsync(TurnContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetService<ITurnHandler>();
        if (handler is null)
        {
            logger.LogWarning("No ITurnHandler is registered; {Type} activity in {Conversation} dropped", context.Activity.Type, context.Reference.Key);
            return null;
        }

        return await handler.OnTurnAsync(context, cancellationToken);
    }

    /// <summary>adaptiveCard/action must answer HTTP 200 with the error inside its body (Universal Actions); other invokes get a plain 500.</summary>
    private static InvokeResponse Failure(Activity activity, string code, string message) =>
        string.Equals(activity.Name, AdaptiveCardAction, StringComparison.Ordinal)
            ? new InvokeResponse(StatusCodes.Status200OK, new
            {
                statusCode = StatusCodes.Status500InternalServerError,
                type = "application/vnd.microsoft.error",
                value = new { code, message },
            })
            : new InvokeResponse(StatusCodes.Status500InternalServerError, null);
}
