namespace RolePlayBot.Bot.Protocol;

/// <summary>
/// The Bot Framework's <c>inputHint</c>: whether the bot, after a message, waits for an answer, merely accepts one,
/// or has more to say first. Clients use it to open the microphone or keep the send box quiet; the load test uses it
/// to know when a turn's last message has arrived.
/// </summary>
public static class InputHints
{
    /// <summary>Someone waits for the trainee's answer: the customer's line in a running session.</summary>
    public const string Expecting = "expectingInput";

    /// <summary>Ready for input without waiting for it: the last message of a turn (a scorecard, a notice).</summary>
    public const string Accepting = "acceptingInput";

    /// <summary>More of this turn follows.</summary>
    public const string Ignoring = "ignoringInput";

    /// <summary>
    /// Gives a committed turn's messages their hints: the customer's line (tentatively <see cref="Expecting"/>) keeps it
    /// while the session runs; every other message says whether more of the turn follows (<see cref="Ignoring"/>) or
    /// not (<see cref="Accepting"/>).
    /// </summary>
    public static void Mark(IReadOnlyList<Activity> messages, bool practising)
    {
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            if (message.InputHint == Expecting && practising)
            {
                continue;
            }

            message.InputHint = i == messages.Count - 1 ? Accepting : Ignoring;
        }
    }
}
