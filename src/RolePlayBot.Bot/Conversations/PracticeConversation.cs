using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using RolePlayBot.Bot.Conversations.Cards;
using RolePlayBot.Bot.Conversations.State;
using RolePlayBot.Bot.Conversations.Streaming;
using RolePlayBot.Bot.Dashboard;
using RolePlayBot.Bot.Dashboard.Auth;
using RolePlayBot.Bot.Dashboard.Data;
using RolePlayBot.Bot.Protocol;
using RolePlayBot.Core;
using RolePlayBot.Core.Customers;
using RolePlayBot.Core.Personas;
using RolePlayBot.Core.Scoring;
using RolePlayBot.Core.Sessions;
using RolePlayBot.Llm;
using RolePlayBot.Storage;

namespace RolePlayBot.Bot.Conversations;

/// <summary>
/// The practice itself, channel-neutral: commands and replies applied to a conversation's state, with what to say
/// going to an <see cref="Outbox"/>. The caller loads the state, and commits it with the outbox afterwards.
/// </summary>
/// <remarks>
/// Reply times are measured on the wall clock from when the customer's message was actually sent
/// (<see cref="ConversationState.CustomerSentAt"/>) to the trainee's activity timestamp, then laid onto the
/// session's own timeline, which starts each wait at the moment the customer "spoke". That keeps a model's
/// thinking time out of the trainee's reply time.
/// <para>
/// Where the customer's answer streams (<see cref="CustomerStreaming"/>), its bubble appears where the first chunk
/// landed, before the judge has finished; so in a streamed turn the customer's message comes first and the feedback
/// card after it, in the outbox as on screen. Unstreamed turns keep feedback first, then the customer's next message,
/// so the last thing on screen is what the trainee answers next.
/// </para>
/// </remarks>
public sealed partial class PracticeConversation(
    EngineSetup setup,
    PersonaCatalog catalog,
    ScorecardBuilder scorecards,
    Hints hints,
    TimeProvider time,
    IOptions<ConversationOptions> options,
    ITrainingStore store,
    IDashboardLinks links,
    IOptionsMonitor<DashboardOptions> dashboard,
    CustomerStreaming streaming)
{
    public Task<ActionResult> RunAsync(ConversationState state, Command command, Outbox outbox, CancellationToken cancellationToken = default) =>
        command.Kind switch
        {
            CommandKind.Help => SendAsync(outbox, BotTexts.Help(Zh(state)), cancellationToken),
            CommandKind.Personas => WelcomeAsync(state, outbox, cancellationToken),
            CommandKind.Start => StartAsync(state, command.Argument, command.Locale ?? state.Locale, outbox, cancellationToken),
            CommandKind.Hint => HintAsync(state, outbox, cancellationToken),
            CommandKind.End => EndAsync(state, outbox, cancellationToken),
            CommandKind.Restart => RestartAsync(state, outbox, cancellationToken),
            CommandKind.Mode => ModeAsync(state, command.Argument, outbox, cancellationToken),
            CommandKind.Assignments => AssignmentsAsync(state, outbox, cancellationToken),
            CommandKind.Dashboard => DashboardLinkAsync(state, outbox, cancellationToken),
            _ => Task.FromResult(ActionResult.Failed(BotTexts.NotUnderstood(Zh(state)))),
        };

    /// <summary>The welcome card (or its Markdown) listing every customer.</summary>
    public async Task<ActionResult> WelcomeAsync(ConversationState state, Outbox outbox, CancellationToken cancellationToken = default)
    {
        var zh = Locales.IsChinese(state.Locale);
        var open = (await OpenAssignmentsAsync(state.UserId, cancellationToken)).Count;
        await outbox.CardAsync(WelcomeCard.Build(catalog, state.Locale, open), WelcomeText.Build(catalog, state.Locale, open),
            zh ? "选一位客户开始练习" : "Pick a customer to practise with", cancellationToken);
        state.Welcomed = true;
        return ActionResult.Done(zh ? "客户列表已发送。" : "Here are the customers.");
    }

    /// <summary>
    /// The chat came back to a session still running with nothing of it on screen (the page started the conversation
    /// afresh after a restart of the bot): says so and shows the customer's last line again. The reply time and the
    /// chasers count from now, as they do after any line the customer says: the trainee could not see the line while
    /// the bot was away, and that wait is not theirs.
    /// </summary>
    public async Task ResumeAsync(ConversationState state, Outbox outbox, bool recap, CancellationToken cancellationToken = default)
    {
        var session = state.Session!;
        var zh = Locales.IsChinese(session.Locale);
        // The customer list would only be in the way now (Web Chat asks for it right after joining).
        state.Welcomed = true;
        await outbox.TextAsync(BotTexts.SessionResumed(session.Persona.Name, zh), cancellationToken);
        // The customer's last line comes on its own below, so the recap ends before it.
        var transcript = session.Transcript;
        var lastShownBelow = session.LastCustomerText is { Length: > 0 } && transcript.Count > 0 && transcript[^1].Speaker == Core.Evaluation.Speaker.Customer;
        var earlier = transcript.Take(transcript.Count - (lastShownBelow ? 1 : 0)).ToList();
        if (recap && earlier.Any(line => line.Speaker == Core.Evaluation.Speaker.Trainee))
        {
            await outbox.TextAsync(BotTexts.Recap(session.Persona.Name, earlier, zh), cancellationToken);
        }
        if (session.LastCustomerText is { Length: > 0 } line)
        {
            await outbox.MessageAsync(
                new Activity
                {
                    Type = ActivityTypes.Message,
                    Text = BotTexts.CustomerSays(session.Persona.Name, line, session.Mood, zh),
                    TextFormat = "markdown",
                    InputHint = InputHints.Expecting,
                },
                cancellationToken);
            state.CustomerSentAt = time.GetUtcNow();
            state.ChasersSent = 0;
        }
    }

    /// <summary>The trainee answers the customer; <paramref name="at"/> is the channel's timestamp of the answer (now when null).</summary>
    public async Task<ActionResult> ReplyAsync(ConversationState state, string text, DateTimeOffset? at, Outbox outbox, CancellationToken cancellationToken = default)
    {
        if (state.Session is not { IsOver: false } session)
        {
            return ActionResult.Failed(BotTexts.NoSession(Zh(state)));
        }

        var zh = Locales.IsChinese(session.Locale);
        var repliedAt = session.LastCustomerMessageAt + NonNegative((at ?? time.GetUtcNow()) - state.CustomerSentAt);
        // The model calls start first and the typing indicator goes meanwhile: a round trip to the channel is not
        // worth adding to every answer. The stream's first chunk waits for the indicator, so it never lands under it.
        var typing = setup.UsesModel ? TypingAsync(outbox, cancellationToken) : Task.CompletedTask;
        await using var stream = session.CustomerStreams
            ? streaming.Open(outbox, partial => BotTexts.CustomerSays(session.Persona.Name, partial, session.Mood, zh), typing, cancellationToken)
            : null;
        var answering = session.ReplyAsync(text, repliedAt, stream, cancellationToken);
        if (setup.UsesModel)
        {
            await typing;
            await KeepTypingAsync(outbox, answering, stream, cancellationToken);
        }

        var turn = await answering;
        if (stream is not null)
        {
            // A chunk still on its way is not waited for here but by the final message's send, after the commit:
            // the commit and the chunk's round trip overlap instead of adding up.
            await stream.StopAsync();
            outbox.SendAfter(stream.Settled);
        }

        var streamed = stream is { NeedsFinal: true } && turn.CustomerReply is not null;
        if (streamed)
        {
            await AnswerAsync(state, outbox, turn.CustomerReply!, stream, cancellationToken);
        }

        if (state.SessionMode == PracticeMode.Practice)
        {
            await outbox.CardAsync(FeedbackCard.Build(turn, session.Locale), FeedbackText.Build(turn, session.Locale),
                FeedbackCard.Title(turn, zh), cancellationToken);
        }

        if (turn.CustomerReply is { } reply && !streamed)
        {
            await AnswerAsync(state, outbox, reply, stream: null, cancellationToken);
        }
        else if (turn.CustomerReply is null && turn.Chasers.Count > state.ChasersSent)
        {
            // The customer left before this reply arrived and the chaser had not said so yet: say it now.
            await outbox.TextAsync(BotTexts.CustomerSays(session.Persona.Name, turn.Chasers[^1], session.Mood, zh), cancellationToken);
        }

        if (turn.Evaluation.FellBackToRules && state.SessionMode != PracticeMode.Practice)
        {
            // No feedback card in an exam to carry the note, yet the trainee should know how this turn was judged.
            await outbox.TextAsync($"_{BotTexts.JudgeFallbackNote(zh)}_", cancellationToken);
        }

        if (!session.IsOver && session.Turns.Count >= options.Value.MaxTurnsPerSession)
        {
            // A session that never ends would grow its stored state and the cost of every turn without bound.
            session.EndAtTurnLimit();
            await outbox.TextAsync(BotTexts.TurnLimitReached(options.Value.MaxTurnsPerSession, zh), cancellationToken);
        }

        if (session.IsOver)
        {
            await FinishAsync(state, outbox, cancellationToken);
        }

        return ActionResult.Done(zh ? "已回复。" : "Replied.");
    }

    /// <summary>
    /// True when <see cref="ChaseAsync"/> at <paramref name="now"/> would find nothing due: a running session whose
    /// customer has not waited long enough to chase or leave. False when something is due or it cannot be told.
    /// </summary>
    public static bool NothingDue(ConversationState state, DateTimeOffset now) =>
        state.Session is { IsOver: false } session
        && session.NextWaitingEventAt is { } next
        && NonNegative(now - state.CustomerSentAt) < next - session.LastCustomerMessageAt;

    /// <summary>
    /// Lets the clock run for a waiting customer (the chaser): sends what they say while waiting, and the
    /// scorecard when they leave. Returns how many customer messages went out.
    /// </summary>
    public async Task<int> ChaseAsync(ConversationState state, Outbox outbox, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (state.Session is not { IsOver: false } session)
        {
            return 0;
        }

        var sessionNow = session.LastCustomerMessageAt + NonNegative(now - state.CustomerSentAt);
        var messages = await session.CheckWaitingAsync(sessionNow, cancellationToken);
        var zh = Locales.IsChinese(session.Locale);
        foreach (var message in messages)
        {
            await outbox.TextAsync(BotTexts.CustomerSays(session.Persona.Name, message.Text, session.Mood, zh), cancellationToken);
            state.ChasersSent++;
        }

        if (session.IsOver)
        {
            await FinishAsync(state, outbox, cancellationToken);
        }

        return messages.Count;
    }

    private async Task<ActionResult> StartAsync(ConversationState state, string? personaId, string locale, Outbox outbox, CancellationToken cancellationToken)
    {
        var zh = Zh(state);
        if (state.Session is { IsOver: false } running)
        {
            return ActionResult.Failed(BotTexts.AlreadyPractising(running.Persona.Name, zh));
        }

        if (string.IsNullOrWhiteSpace(personaId))
        {
            return await WelcomeAsync(state, outbox, cancellationToken);
        }

        locale = Locales.Normalize(locale);
        var persona = PersonaId().IsMatch(personaId) ? catalog.Find(personaId, locale) : null;
        if (persona is null)
        {
            return ActionResult.Failed(BotTexts.UnknownPersona(personaId, zh));
        }

        var session = new PracticeSession(persona, setup.Engines, time, seed: state.Rounds++);
        state.Session = session;
        state.SessionMode = state.Mode;
        state.SessionStartedAt = time.GetUtcNow();
        state.LastPersonaId = persona.Id;
        state.LastPersonaLocale = locale;
        zh = Locales.IsChinese(persona.Locale);
        var briefing = BotTexts.Briefing(persona, state.SessionMode, zh);
        if (persona.Locale != locale)
        {
            briefing += "\n\n" + BotTexts.OnlyIn(persona.Locale, Locales.IsChinese(locale));
        }

        await outbox.TextAsync(briefing, cancellationToken);
        var opening = session.Start(time.GetUtcNow());
        await SayAsync(state, outbox, opening.Text, cancellationToken);
        return ActionResult.Done(BotTexts.Started(persona.Name, zh));
    }

    private async Task<ActionResult> HintAsync(ConversationState state, Outbox outbox, CancellationToken cancellationToken)
    {
        if (state.Session is not { IsOver: false } session)
        {
            return ActionResult.Failed(BotTexts.NoSession(Zh(state)));
        }

        var zh = Locales.IsChinese(session.Locale);
        if (state.SessionMode == PracticeMode.Exam)
        {
            return ActionResult.Failed(BotTexts.NoHintsInExam(zh));
        }

        var hint = BotTexts.Hint(hints.For(session), zh);
        await outbox.TextAsync(hint, cancellationToken);
        return ActionResult.Done(hint);
    }

    private async Task<ActionResult> EndAsync(ConversationState state, Outbox outbox, CancellationToken cancellationToken)
    {
        if (state.Session is not { IsOver: false } session)
        {
            return ActionResult.Failed(BotTexts.NoSession(Zh(state)));
        }

        session.End();
        await FinishAsync(state, outbox, cancellationToken);
        return ActionResult.Done(BotTexts.Ended(Locales.IsChinese(session.Locale)));
    }

    private async Task<ActionResult> RestartAsync(ConversationState state, Outbox outbox, CancellationToken cancellationToken)
    {
        if (state.Session is { IsOver: false } session)
        {
            session.End();
            await FinishAsync(state, outbox, cancellationToken);
        }

        return state.LastPersonaId is { } id
            ? await StartAsync(state, id, state.LastPersonaLocale ?? state.Locale, outbox, cancellationToken)
            : ActionResult.Failed(BotTexts.NothingToRestart(Zh(state)));
    }

    private async Task<ActionResult> ModeAsync(ConversationState state, string? argument, Outbox outbox, CancellationToken cancellationToken)
    {
        var zh = Zh(state);
        if (CommandParser.ParseMode(argument) is not { } mode)
        {
            return ActionResult.Failed(BotTexts.UnknownMode(zh));
        }

        state.Mode = mode;
        var message = BotTexts.ModeSet(mode, state.IsPractising && mode != state.SessionMode, zh);
        await outbox.TextAsync(message, cancellationToken);
        return ActionResult.Done(message);
    }

    /// <summary>The sender's open assignments (not cancelled, not passed), soonest due first.</summary>
    private async Task<ActionResult> AssignmentsAsync(ConversationState state, Outbox outbox, CancellationToken cancellationToken)
    {
        var zh = Zh(state);
        var open = await OpenAssignmentsAsync(state.UserId, cancellationToken);
        if (open.Count == 0)
        {
            return await SendAsync(outbox, BotTexts.NoAssignments(zh), cancellationToken);
        }

        var zone = Zone();
        var now = time.GetUtcNow();
        await outbox.CardAsync(AssignmentsCard.Build(open, catalog, state.Locale, zone, now), AssignmentsCard.Markdown(open, catalog, state.Locale, zone, now),
            AssignmentsCard.Summary(open.Count, zh), cancellationToken);
        return ActionResult.Done(AssignmentsCard.Summary(open.Count, zh));
    }

    /// <summary>
    /// A one-time sign-in link for the sender, under the id their sessions are stored under: trainers land on the
    /// dashboard, anyone else on their own progress page. Absolute when Dashboard:PublicBaseUrl is set.
    /// </summary>
    private async Task<ActionResult> DashboardLinkAsync(ConversationState state, Outbox outbox, CancellationToken cancellationToken)
    {
        var zh = Zh(state);
        if (state.UserId is not { Length: > 0 } userId)
        {
            return ActionResult.Failed(BotTexts.NoUser(zh));
        }

        var settings = dashboard.CurrentValue;
        var returnPath = settings.IsTrainer(userId) ? "/dashboard" : links.TraineePath(userId);
        var link = settings.Absolute(links.CreateSignInLink(userId, state.UserName ?? userId, returnPath));
        return await SendAsync(outbox, BotTexts.DashboardLink(link, settings.IsTrainer(userId), settings.LinkMinutes, zh), cancellationToken);
    }

    private async Task<IReadOnlyList<AssignmentProgress>> OpenAssignmentsAsync(string? traineeId, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(traineeId)
            ? []
            : await store.AssignmentsAsync(new AssignmentQuery(traineeId, OpenOnly: true), cancellationToken);

    /// <summary>
    /// One line per open assignment of this persona the session counts for (assigned before it started): passed or
    /// not, by the rule the dashboard uses (<see cref="AssignmentProgress.Passes"/>).
    /// </summary>
    private async Task<IReadOnlyList<string>> AssignmentVerdictsAsync(ConversationState state, PracticeSession session, int overall, CancellationToken cancellationToken)
    {
        var trainee = state.TraineeId ?? state.UserId;
        var zh = Locales.IsChinese(session.Locale);
        var outcome = JsonNamingPolicy.SnakeCaseLower.ConvertName(session.Outcome.ToString());
        var counted = (await OpenAssignmentsAsync(trainee, cancellationToken))
            .Where(a => a.Assignment.PersonaId == session.Persona.Id && a.Assignment.CreatedAt <= state.SessionStartedAt);
        return counted
            .Select(a => BotTexts.AssignmentVerdict(AssignmentProgress.Passes(a.Assignment, outcome, overall), a.Assignment.PassMark, overall, outcome == "resolved", zh))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private TimeZoneInfo Zone() => DashboardClock.Zone(dashboard.CurrentValue.TimeZone);

    /// <summary>The scorecard: the card where cards render (plus, by default, the Markdown record), else the Markdown.</summary>
    private async Task FinishAsync(ConversationState state, Outbox outbox, CancellationToken cancellationToken)
    {
        var session = state.Session!;
        var card = scorecards.Build(session);
        var verdicts = await AssignmentVerdictsAsync(state, session, card.Overall, cancellationToken);
        var markdown = ScorecardText.Build(card, session, state.SessionMode, verdicts);
        await outbox.CardAsync(ScorecardCard.Build(card, session, state.SessionMode, verdicts), markdown, ScorecardCard.OneLine(card, session.Persona.Name), cancellationToken);
        if (outbox.RendersCards && options.Value.ScorecardTextToo)
        {
            await outbox.TextAsync(markdown, cancellationToken);
        }

        state.Session = null;
    }

    private async Task SayAsync(ConversationState state, Outbox outbox, string text, CancellationToken cancellationToken, CustomerStream? stream = null)
    {
        var session = state.Session!;
        var message = new Activity
        {
            Type = ActivityTypes.Message,
            Text = BotTexts.CustomerSays(session.Persona.Name, text, session.Mood, Locales.IsChinese(session.Locale)),
            TextFormat = "markdown",
            // The customer waits for the trainee's answer (unless this line ends the session; the commit decides).
            InputHint = InputHints.Expecting,
        };
        stream?.Finish(message);
        await outbox.MessageAsync(message, cancellationToken);
        state.CustomerSentAt = time.GetUtcNow();
        state.ChasersSent = 0;
    }

    /// <summary>The customer's answer (the final message of its stream, if it streamed) and, when the offline engine stood in, the note saying so.</summary>
    private async Task AnswerAsync(ConversationState state, Outbox outbox, CustomerMessage reply, CustomerStream? stream, CancellationToken cancellationToken)
    {
        await SayAsync(state, outbox, reply.Text, cancellationToken, stream);
        if (reply.Source == CustomerMessage.Fallback)
        {
            await outbox.TextAsync(BotTexts.FallbackNote(Locales.IsChinese(state.Session!.Locale)), cancellationToken);
        }
    }

    private static async Task<ActionResult> SendAsync(Outbox outbox, string text, CancellationToken cancellationToken)
    {
        await outbox.TextAsync(text, cancellationToken);
        return ActionResult.Done(text);
    }

    private static bool Zh(ConversationState state) => Locales.IsChinese(state.Session?.Locale ?? state.Locale);

    private static TimeSpan NonNegative(TimeSpan span) => span < TimeSpan.Zero ? TimeSpan.Zero : span;

    /// <summary>Persona ids are file-name stems: anything else (paths, "../x", markup) is refused before the catalog is asked.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$")]
    private static partial Regex PersonaId();

    /// <summary>One typing indicator; a lost one is cosmetic and never fails the turn.</summary>
    private static async Task TypingAsync(Outbox outbox, CancellationToken cancellationToken)
    {
        try
        {
            await outbox.TypingAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The answer still comes; the trainee only misses the "typing…" while waiting for it.
        }
    }

    /// <summary>
    /// Keeps the customer "typing" until the model has answered: another indicator every interval, except while the
    /// answer is streaming (its chunks show it is being written, and a plain indicator would sit under the bubble).
    /// </summary>
    private async Task KeepTypingAsync(Outbox outbox, Task answered, CustomerStream? stream, CancellationToken cancellationToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(0.01, options.Value.TypingIntervalSeconds));
        while (true)
        {
            await Task.WhenAny(answered, Task.Delay(interval, time, cancellationToken));
            if (answered.IsCompleted || cancellationToken.IsCancellationRequested)
            {
                return;
            }

            if (stream is { IsLive: true })
            {
                continue;
            }

            try
            {
                await outbox.TypingAsync(cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A lost typing indicator is cosmetic; the turn goes on.
                return;
            }
        }
    }
}
