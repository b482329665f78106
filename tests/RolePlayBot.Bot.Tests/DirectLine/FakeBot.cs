using System.Collections.Concurrent;
using System.Text.Json;
using RolePlayBot.Bot.Channels;
using RolePlayBot.Bot.Protocol;
using RolePlayBot.Bot.Turns;

namespace RolePlayBot.Bot.Tests.DirectLine;

/// <summary>
/// Stands in for the real bot behind IActivityProcessor: records what it receives and answers through the channel
/// the real router would pick (the registered ILocalChannel), as a TurnContext. "card" → an Adaptive Card with an
/// Action.Submit; "typing" → a typing activity then a message; "fail" → throws; anything else → "You said: …".
/// </summary>
internal sealed class FakeBot(IEnumerable<ILocalChannel> channels) : IActivityProcessor
{
    public ConcurrentQueue<Activity> Received { get; } = new();

    private readonly SemaphoreSlim arrived = new(0);

    public async Task<InvokeResponse?> ProcessAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        if (activity.Text == "fail")
        {
            throw new InvalidOperationException("the fake bot fails on purpose");
        }

        var reference = ConversationReference.From(activity);
        var channel = channels.Single(c => c.Owns(reference));
        var turn = new TurnContext(activity, channel);
        switch (activity.Type, activity.Text)
        {
            case (ActivityTypes.Message, "card"):
                await turn.SendAsync(new Activity { Attachments = [Card()] }, cancellationToken);
                break;
            case (ActivityTypes.Message, "typing"):
                await turn.SendTypingAsync(cancellationToken);
                await turn.SendTextAsync("Done typing.", cancellationToken);
                break;
            case (ActivityTypes.Message, { } text):
                await turn.SendTextAsync($"You said: {text}", cancellationToken);
                break;
            case (ActivityTypes.Message, null) when activity.Value is { } value:
                await turn.SendTextAsync($"Submitted {value.GetProperty("verb").GetString()}", cancellationToken);
                break;
            default:
                break;
        }

        Received.Enqueue(activity);
        arrived.Release();
        return null;
    }

    public Task DrainAsync(string conversationKey, CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <summary>Waits (with a deadline, no sleeps) until an activity matching <paramref name="match"/> has been received.</summary>
    public async Task<Activity> WaitForAsync(Func<Activity, bool> match, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            if (Received.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await arrived.WaitAsync(deadline.Token);
        }
    }

    private static Attachment Card() => new()
    {
        ContentType = "application/vnd.microsoft.card.adaptive",
        Content = JsonSerializer.SerializeToElement(new
        {
            type = "AdaptiveCard",
            version = "1.5",
            body = new object[] { new { type = "TextBlock", text = "Pick a customer", wrap = true } },
            actions = new object[] { new { type = "Action.Submit", title = "Start practice", data = new { verb = "start", persona = "angry-refund" } } },
        }),
    };
}
