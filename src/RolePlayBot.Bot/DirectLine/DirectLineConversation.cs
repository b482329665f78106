using System.Text;
using System.Text.Json;
using RolePlayBot.Bot.Protocol;

namespace RolePlayBot.Bot.DirectLine;

/// <summary>
/// One Direct Line conversation: a bounded history of activities numbered by a per-conversation counter (the
/// watermark), and at most one WebSocket subscriber. Every change happens under one lock, so an activity is either
/// in the replay a new socket gets or in a frame sent to it afterwards, never both and never neither.
/// </summary>
internal sealed class DirectLineConversation(string id, ChannelAccount user, int historyLimit, TimeProvider time)
{
    private readonly Lock gate = new();
    private readonly LinkedList<Entry> history = new();
    private long sequence;
    private DirectLineSubscriber? subscriber;

    public string Id { get; } = id;

    public ChannelAccount User { get; } = user;

    public DateTimeOffset LastActive { get; private set; } = time.GetUtcNow();

    /// <summary>True while a WebSocket is connected (typing activities, and so livestreams, reach only a socket).</summary>
    public bool HasSubscriber
    {
        get
        {
            lock (gate)
            {
                return subscriber is not null;
            }
        }
    }

    /// <summary>
    /// Gives the activity its id and timestamp, keeps it (except typing, which like Azure's Direct Line only goes to a
    /// live socket) and sends it to the subscriber. Returns the id.
    /// </summary>
    public string Append(Activity activity, string? existingId = null)
    {
        lock (gate)
        {
            var seq = ++sequence;
            activity.Id = existingId ?? $"{Id}|{seq:D7}";
            activity.Timestamp ??= time.GetUtcNow();
            LastActive = time.GetUtcNow();
            var entry = new Entry(seq, activity.Id, JsonSerializer.Serialize(activity, BotJson.Options));
            var typing = activity.Type == ActivityTypes.Typing;
            if (!typing)
            {
                if (existingId is not null)
                {
                    Remove(existingId);
                }

                history.AddLast(entry);
                while (history.Count > historyLimit)
                {
                    history.RemoveFirst();
                }
            }

            // A typing frame leaves the watermark as it was: the client resumes from the last stored activity.
            subscriber?.Enqueue(Frame([entry], typing ? null : seq));
            return activity.Id;
        }
    }

    /// <summary>
    /// Replaces an activity sent earlier, keeping its id. It moves to the end of the history with a new watermark so
    /// that polling clients, already past the old one, see the change too; Web Chat replaces the activity by id.
    /// </summary>
    public string Replace(string activityId, Activity activity) => Append(activity, activityId);

    /// <summary>The activities after <paramref name="watermark"/> as an ActivitySet (what GET …/activities returns).</summary>
    public string Read(long watermark)
    {
        lock (gate)
        {
            LastActive = time.GetUtcNow();
            return Frame(After(watermark), LastStored(watermark));
        }
    }

    /// <summary>Makes <paramref name="socket"/> the conversation's subscriber, replaying what it has not seen; returns the one it replaced.</summary>
    public DirectLineSubscriber? Subscribe(DirectLineSubscriber socket, long watermark)
    {
        lock (gate)
        {
            var previous = subscriber;
            subscriber = socket;
            LastActive = time.GetUtcNow();
            var missed = After(watermark);
            if (missed.Count > 0)
            {
                socket.Enqueue(Frame(missed, missed[^1].Sequence));
            }

            return previous;
        }
    }

    public void Unsubscribe(DirectLineSubscriber socket)
    {
        lock (gate)
        {
            if (ReferenceEquals(subscriber, socket))
            {
                subscriber = null;
            }
        }
    }

    /// <summary>Closes the socket, if any (the conversation is being forgotten).</summary>
    public void Close(string reason)
    {
        lock (gate)
        {
            subscriber?.Close(reason);
            subscriber = null;
        }
    }

    private List<Entry> After(long watermark) => history.Where(e => e.Sequence > watermark).ToList();

    private long LastStored(long watermark) => history.Last is { } last ? Math.Max(last.Value.Sequence, watermark) : watermark;

    private void Remove(string activityId)
    {
        for (var node = history.First; node is not null; node = node.Next)
        {
            if (node.Value.ActivityId == activityId)
            {
                history.Remove(node);
                return;
            }
        }
    }

    private static string Frame(IEnumerable<Entry> entries, long? watermark)
    {
        var json = new StringBuilder("{\"activities\":[");
        var first = true;
        foreach (var entry in entries)
        {
            json.Append(first ? "" : ",").Append(entry.Json);
            first = false;
        }

        json.Append(']');
        if (watermark is { } mark)
        {
            json.Append(",\"watermark\":\"").Append(mark).Append('"');
        }

        return json.Append('}').ToString();
    }

    private sealed record Entry(long Sequence, string ActivityId, string Json);
}
