using System.Buffers;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;

namespace RolePlayBot.LoadTest;

/// <summary>
/// One simulated trainee in a Teams personal chat: starts a customer, answers with a scripted agent's replies one by
/// one (each as soon as the previous turn's customer line has arrived), ends the session when the script runs out, and
/// starts the next customer when a scorecard arrives. Against the echo bot it just sends the replies. Every turn's
/// latency runs from just before the inbound POST to the arrival at the connector that completes it.
/// </summary>
/// <remarks>
/// With a <c>period</c> the trainee sends at fixed times instead (open loop: <c>offset</c>, then every period): a turn
/// still running at its successor's time delays it, and that successor's latency then counts from the time it was due
/// (so a slow bot is not flattered by the messages it held back), otherwise from its POST.
/// </remarks>
public sealed class Trainee(
    int index,
    string runId,
    HttpClient http,
    Uri botEndpoint,
    string serviceUrl,
    IReadOnlyList<AgentScript> scripts,
    bool echo,
    LatencyRecorder recorder,
    TimeSpan period = default,
    TimeSpan offset = default,
    bool tagReplies = false,
    DirectLineWire? webChat = null)
{
    /// <summary>
    /// Ends each reply in model mode, so the stub model can tell whose turn a call belongs to (the trainee's reply is
    /// in both prompts) and the bot's own time can be told from the stub's (<see cref="StubModelServer.CallsOf"/>).
    /// </summary>
    public static string Tag(int trainee) => $" [bench-t{trainee}]";

    public static readonly TimeSpan TurnTimeout = TimeSpan.FromSeconds(30);

    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };
    private readonly Lock gate = new();
    private PendingTurn? pending;
    private int sequence;
    private readonly int number = index;
    private int scriptIndex = index;
    private int line;
    private volatile bool sessionOver = true;

    public string ConversationId { get; } = $"a:bench-{runId}-{index}";

    private string UserId => $"29:bench-user-{runId}-{number}";

    private AgentScript Script => scripts[scriptIndex % scripts.Count];

    /// <summary>Sends turns back to back until <paramref name="stop"/>; failures are counted and the trainee goes on.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        if (webChat is not null)
        {
            try
            {
                await webChat.ConnectAsync(OnActivity, stop);
            }
            catch (Exception e) when (e is HttpRequestException or System.Net.WebSockets.WebSocketException)
            {
                recorder.Error($"Web Chat could not connect: {e.Message}");
                return;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
        }

        if (period <= TimeSpan.Zero)
        {
            while (await TurnAsync(stop))
            {
            }

            return;
        }

        var every = (long)(period.TotalSeconds * Stopwatch.Frequency);
        var due = Stopwatch.GetTimestamp() + (long)(offset.TotalSeconds * Stopwatch.Frequency);
        while (!stop.IsCancellationRequested)
        {
            var now = Stopwatch.GetTimestamp();
            long? late = null;
            if (due > now)
            {
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds((due - now) / (double)Stopwatch.Frequency), stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
            else
            {
                late = due;
            }

            if (!await TurnAsync(stop, late))
            {
                return;
            }

            due += every;
        }
    }

    /// <summary>Sends <paramref name="count"/> turns (e.g. a start and one reply, to leave a session open).</summary>
    public async Task RunTurnsAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await TurnAsync(CancellationToken.None);
        }
    }

    /// <summary>One turn, recorded; false once <paramref name="stop"/> is cancelled.</summary>
    /// <param name="dueAt">When the turn was due, if the previous one held it back: its latency counts from then.</param>
    private async Task<bool> TurnAsync(CancellationToken stop, long? dueAt = null)
    {
        if (stop.IsCancellationRequested)
        {
            return false;
        }

        var (kind, text) = Next();
        var turn = new PendingTurn($"{ConversationId}-{++sequence}", kind);
        lock (gate)
        {
            pending = turn;
        }

        try
        {
            turn.SentAt = dueAt ?? Stopwatch.GetTimestamp();
            var (ok, error) = webChat is null ? await PostAsync(turn, text, stop) : await webChat.PostAsync(turn, text, Locale, stop);
            if (!ok)
            {
                recorder.Error(error!);
                await Task.Delay(100, stop);
                return true;
            }

            var arrived = await turn.Completed.WaitAsync(TurnTimeout, stop);
            recorder.Add(kind == TurnKind.Reply && turn.SessionGone ? TurnKind.AfterEnd : kind, number, turn.SentAt, arrived);
            Advance(turn);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return false;
        }
        catch (TimeoutException)
        {
            recorder.Error($"{kind} turn not complete within {TurnTimeout.TotalSeconds:0} s");
            sessionOver = true;
        }
        catch (HttpRequestException e)
        {
            recorder.Error($"inbound POST failed: {e.HttpRequestError}");
            await Task.Delay(100, CancellationToken.None);
        }

        return true;
    }

    private async Task<(bool Ok, string? Error)> PostAsync(PendingTurn turn, string text, CancellationToken stop)
    {
        using var content = new ByteArrayContent(Activity(turn.ActivityId, text));
        content.Headers.ContentType = Json;
        using var response = await http.PostAsync(botEndpoint, content, stop);
        return response.IsSuccessStatusCode ? (true, null) : (false, $"inbound POST answered {(int)response.StatusCode}");
    }

    private string Locale => echo || Script.Locale.StartsWith("zh", StringComparison.Ordinal) ? "zh-CN" : "en-US";

    /// <summary>Called by the connector (or the Web Chat's socket) for each activity of this conversation.</summary>
    public void OnActivity(ConnectorActivity activity, long arrived)
    {
        if (activity.IsScorecard)
        {
            sessionOver = true;
        }

        PendingTurn? turn;
        lock (gate)
        {
            turn = pending;
        }

        if (turn is not null && activity.ClientActivityId is { } echoed && echoed == turn.ActivityId)
        {
            // Direct Line's echo of the trainee's own message, with the id the server gave it.
            turn.ServerId ??= activity.Id;
            return;
        }

        if (turn is not null && turn.Answers(activity.ReplyToId))
        {
            turn.Offer(activity, arrived);
        }
    }

    private (TurnKind Kind, string Text) Next()
    {
        if (echo)
        {
            var script = Script;
            var text = script.Replies[line++ % script.Replies.Count];
            return (TurnKind.Echo, tagReplies ? text + Tag(number) : text);
        }

        if (sessionOver)
        {
            scriptIndex += 7;
            line = 0;
            return (TurnKind.Start, "start " + Script.PersonaId);
        }

        return line < Script.Replies.Count
            ? (TurnKind.Reply, tagReplies ? Script.Replies[line++] + Tag(number) : Script.Replies[line++])
            : (TurnKind.End, "end");
    }

    private void Advance(PendingTurn turn)
    {
        if (turn.Kind == TurnKind.Start)
        {
            sessionOver = false;
        }
        else if (turn.Kind == TurnKind.End || turn.SessionGone)
        {
            sessionOver = true;
        }
    }

    /// <summary>A Teams personal-chat message activity (as in tests/RolePlayBot.Bot.Tests/BotFramework/Fixtures).</summary>
    private byte[] Activity(string id, string text)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", "message");
            json.WriteString("id", id);
            json.WriteString("timestamp", DateTimeOffset.UtcNow);
            json.WriteString("channelId", "msteams");
            json.WriteString("serviceUrl", serviceUrl);
            json.WriteStartObject("from");
            json.WriteString("id", UserId);
            json.WriteString("name", $"Trainee {number}");
            json.WriteEndObject();
            json.WriteStartObject("conversation");
            json.WriteString("conversationType", "personal");
            json.WriteString("id", ConversationId);
            json.WriteEndObject();
            json.WriteStartObject("recipient");
            json.WriteString("id", "28:bench-bot");
            json.WriteString("name", "RolePlayBot");
            json.WriteEndObject();
            json.WriteString("text", text);
            json.WriteString("textFormat", "plain");
            json.WriteString("locale", Locale);
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
