using RolePlayBot.Core.Customers;
using RolePlayBot.Core.Evaluation;
using RolePlayBot.Core.Mood;
using RolePlayBot.Core.Personas;
using RolePlayBot.Core.Usage;

namespace RolePlayBot.Core.Sessions;

/// <summary>
/// One practice conversation with one persona: the trainee's replies go in; the evaluator's verdict, the
/// customer's mood and the customer's next message come out. Time comes from the injected
/// <see cref="TimeProvider"/> or from explicit timestamps (channel timestamps, simulated reply times).
/// Not thread-safe: a channel serialises the turns of one conversation.
/// </summary>
public sealed class PracticeSession
{
    /// <summary>The customer chases at most this many times while waiting for one reply.</summary>
    public const int MaxChasers = 2;

    private readonly PracticeEngines _engines;
    private readonly TimeProvider _time;
    private readonly SessionRandom _random;
    private readonly List<Turn> _turns = [];
    private readonly List<TranscriptLine> _transcript = [];
    private readonly HashSet<string> _needsMet = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _itemCounts = new(StringComparer.Ordinal);
    private readonly List<string> _pendingChasers = [];
    private readonly List<MoodChange> _pendingWaitChanges = [];
    private MoodState _moodAtCustomerMessage;
    private TimeSpan _waitCharged;

    public PracticeSession(Persona persona, PracticeEngines engines, TimeProvider? time = null, int seed = 0, string? id = null)
        : this(persona, engines, time, seed, id, new SessionRandom(seed), MoodModel.Initial(persona))
    {
    }

    private PracticeSession(Persona persona, PracticeEngines engines, TimeProvider? time, int seed, string? id, SessionRandom random, MoodState initialMood)
    {
        Persona = persona;
        _engines = engines;
        _time = time ?? TimeProvider.System;
        _random = random;
        Seed = seed;
        Id = id ?? Guid.NewGuid().ToString("n");
        Mood = initialMood;
        _moodAtCustomerMessage = initialMood;
        InitialMood = initialMood;
    }

    public string Id { get; }
    public int Seed { get; }
    public Persona Persona { get; }
    public string Locale => Persona.Locale;
    public MoodState InitialMood { get; }
    public MoodState Mood { get; private set; }
    public Outcome Outcome { get; private set; } = Outcome.Ongoing;
    public bool IsOver => Outcome != Outcome.Ongoing;
    public bool Started { get; private set; }
    public IReadOnlyList<Turn> Turns => _turns;
    public IReadOnlyList<TranscriptLine> Transcript => _transcript;
    public DateTimeOffset LastCustomerMessageAt { get; private set; }

    /// <summary>Tokens the session's model calls cost so far; null when no model answered (offline).</summary>
    public TokenUsage? Tokens => TokenUsage.Sum(_turns.Select(t => t.Tokens));

    /// <summary>How many hints the trainee asked for (shown on the scorecard).</summary>
    public int HintsUsed { get; private set; }
    public string LastCustomerText { get; private set; } = "";

    /// <summary>The session as plain data, to store after every turn.</summary>
    public SessionSnapshot Snapshot() => new(
        Id, Seed, _random.State, Persona.Id, Persona.Locale, Persona.Version, Started, InitialMood, Mood, _moodAtCustomerMessage,
        Outcome, HintsUsed, [.. _turns], [.. _transcript], [.. _needsMet.Order(StringComparer.Ordinal)],
        new Dictionary<string, int>(_itemCounts, StringComparer.Ordinal), [.. _pendingChasers], [.. _pendingWaitChanges],
        _waitCharged, LastCustomerMessageAt, LastCustomerText);

    /// <summary>
    /// Continues a stored session: the same persona (by id and locale; a since-edited file is used as it is now),
    /// engines and clock, with every turn, the mood, the needs met and the random state as they were.
    /// </summary>
    public static PracticeSession Restore(SessionSnapshot snapshot, Persona persona, PracticeEngines engines, TimeProvider? time = null)
    {
        if (!string.Equals(snapshot.PersonaId, persona.Id, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The snapshot is of persona '{snapshot.PersonaId}', not '{persona.Id}'.", nameof(persona));
        }

        var session = new PracticeSession(persona, engines, time, snapshot.Seed, snapshot.Id, SessionRandom.FromState(snapshot.RandomState), snapshot.InitialMood)
        {
            Started = snapshot.Started,
            Mood = snapshot.Mood,
            Outcome = snapshot.Outcome,
            HintsUsed = snapshot.HintsUsed,
            LastCustomerMessageAt = snapshot.LastCustomerMessageAt,
            LastCustomerText = snapshot.LastCustomerText,
        };
        session._moodAtCustomerMessage = snapshot.MoodAtCustomerMessage;
        session._turns.AddRange(snapshot.Turns);
        session._transcript.AddRange(snapshot.Transcript);
        session._needsMet.UnionWith(snapshot.NeedsMet);
        foreach (var (id, count) in snapshot.ItemCounts)
        {
            session._itemCounts[id] = count;
        }

        session._pendingChasers.AddRange(snapshot.PendingChasers);
        session._pendingWaitChanges.AddRange(snapshot.PendingWaitChanges);
        session._waitCharged = snapshot.WaitCharged;
        return session;
    }

    /// <summary>Opens the conversation with the persona's opening message.</summary>
    public CustomerMessage Start(DateTimeOffset? at = null)
    {
        if (Started)
        {
            throw new InvalidOperationException("The session has already started.");
        }

        Started = true;
        var opening = new CustomerMessage(LineTemplate.Fill(Persona.Opening, Persona.Facts), CustomerMessage.Scripted);
        SayCustomer(opening.Text, at ?? _time.GetUtcNow());
        return opening;
    }

    /// <summary>
    /// The session time at which <see cref="CheckWaitingAsync"/> next has something to do (the customer chases or
    /// leaves), or null while the clock does not run (not started, or over). Before it a check changes nothing, so a
    /// caller may skip the session until then.
    /// </summary>
    public DateTimeOffset? NextWaitingEventAt
    {
        get
        {
            if (!Started || IsOver)
            {
                return null;
            }

            var chaseAfter = TimeSpan.FromSeconds(Persona.Mood.ChaseAfterSeconds);
            var leaveAfter = TimeSpan.FromSeconds(Persona.Mood.LeaveAfterSeconds);
            var chase = chaseAfter * (_pendingChasers.Count + 1);
            return _pendingChasers.Count < MaxChasers && chase < leaveAfter
                ? LastCustomerMessageAt + chase
                : LastCustomerMessageAt + leaveAfter;
        }
    }

    /// <summary>
    /// Lets the clock run: when the trainee has kept the customer waiting past the persona's chase threshold,
    /// the customer chases (and gets angrier); past the leave threshold, or out of patience, they give up.
    /// Returns the messages the customer sent, oldest first (empty when nothing was due).
    /// </summary>
    public async Task<IReadOnlyList<CustomerMessage>> CheckWaitingAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var sent = new List<CustomerMessage>();
        if (!Started || IsOver)
        {
            return sent;
        }

        var chaseAfter = TimeSpan.FromSeconds(Persona.Mood.ChaseAfterSeconds);
        var leaveAfter = TimeSpan.FromSeconds(Persona.Mood.LeaveAfterSeconds);
        while (!IsOver && _pendingChasers.Count < MaxChasers)
        {
            var dueAt = LastCustomerMessageAt + chaseAfter * (_pendingChasers.Count + 1);
            if (dueAt > now || dueAt - LastCustomerMessageAt >= leaveAfter)
            {
                break;
            }

            ChargeWait(dueAt - LastCustomerMessageAt - chaseAfter);
            if (Mood.Patience == 0)
            {
                Outcome = Outcome.Abandoned;
            }

            sent.Add(await SpeakWhileWaitingAsync(dueAt, cancellationToken));
        }

        if (!IsOver && now - LastCustomerMessageAt >= leaveAfter)
        {
            ChargeWait(leaveAfter - chaseAfter);
            Outcome = Outcome.Abandoned;
            sent.Add(await SpeakWhileWaitingAsync(LastCustomerMessageAt + leaveAfter, cancellationToken));
        }

        return sent;
    }

    /// <summary>The trainee replies after <paramref name="replyTime"/> (simulated time, e.g. a "+90s" line in a replies file).</summary>
    public Task<Turn> ReplyAfterAsync(string text, TimeSpan replyTime, CancellationToken cancellationToken = default) =>
        ReplyAsync(text, LastCustomerMessageAt + replyTime, cancellationToken);

    /// <summary>
    /// Handles one trainee reply arriving at <paramref name="at"/> (the channel's timestamp; now when null):
    /// evaluates it, moves the mood, decides the outcome and gets the customer's answer.
    /// </summary>
    public Task<Turn> ReplyAsync(string text, DateTimeOffset? at = null, CancellationToken cancellationToken = default) =>
        ReplyAsync(text, at, customerProgress: null, cancellationToken);

    /// <summary>True when the customer's answer can be watched while it is written (<see cref="IStreamingCustomerEngine"/>).</summary>
    public bool CustomerStreams => _engines.Customer is IStreamingCustomerEngine;

    /// <summary>
    /// As <see cref="ReplyAsync(string, DateTimeOffset?, CancellationToken)"/>; when the customer engine streams,
    /// <paramref name="customerProgress"/> gets the customer's answer as it is written (the whole text so far each time).
    /// The turn and the transcript keep only the final text, which may replace what was reported.
    /// </summary>
    public async Task<Turn> ReplyAsync(string text, DateTimeOffset? at, IProgress<string>? customerProgress, CancellationToken cancellationToken = default)
    {
        if (!Started)
        {
            throw new InvalidOperationException("Start the session before replying.");
        }

        if (IsOver)
        {
            throw new InvalidOperationException($"The session is over ({Outcome}).");
        }

        var repliedAt = at ?? _time.GetUtcNow();
        if (repliedAt < LastCustomerMessageAt)
        {
            repliedAt = LastCustomerMessageAt;
        }

        await CheckWaitingAsync(repliedAt, cancellationToken);
        var customerText = LastCustomerText;
        var customerAt = LastCustomerMessageAt;
        var chasers = _pendingChasers.ToList();
        var moodBefore = _moodAtCustomerMessage;
        _transcript.Add(new TranscriptLine(Speaker.Trainee, text));

        var tokens = new TokenMeter();
        var request = new EvaluationRequest(text, customerText, Locale, Persona, repliedAt - customerAt, _transcript[..^1]) { Tokens = tokens };
        var rules = await _engines.Rules.EvaluateAsync(request, cancellationToken);
        var met = NeedsMetBy(text, rules);
        var leftAlready = IsOver;
        var changes = new List<MoodChange>(_pendingWaitChanges);
        if (!leftAlready)
        {
            var unaccounted = Max(TimeSpan.Zero, repliedAt - customerAt - TimeSpan.FromSeconds(Persona.Mood.ChaseAfterSeconds) - _waitCharged);
            var step = _engines.Mood.Reply(Persona, Mood, rules, _itemCounts, unaccounted, met.Count);
            changes.AddRange(step.Changes);
            Mood = step.After;
            foreach (var need in met)
            {
                _needsMet.Add(need.Id);
            }

            Outcome = DecideOutcome();
        }

        foreach (var observation in rules.Items.Where(o => o.Observed))
        {
            _itemCounts[observation.ItemId] = _itemCounts.GetValueOrDefault(observation.ItemId) + 1;
        }

        var context = new CustomerContext(Persona, _transcript.ToList(), rules, moodBefore, Mood, Outcome, UnmetNeeds(), met, _random)
        {
            Turns = [.. _turns],
            Tokens = tokens,
        };
        var customerTask = leftAlready ? Task.FromResult<CustomerMessage?>(null) : AnswerAsync(context, customerProgress, cancellationToken);
        var evaluationTask = _engines.EvaluatorIsRules
            ? Task.FromResult(rules)
            : _engines.Evaluator.EvaluateAsync(request with { Rules = new RuleVerdict(_engines.Rules, rules) }, cancellationToken);
        await Task.WhenAll(customerTask, evaluationTask);
        var customerReply = await customerTask;

        var turn = new Turn(
            _turns.Count + 1, customerText, chasers, text, customerAt, repliedAt, moodBefore, Mood, changes,
            await evaluationTask, met.Select(n => n.Id).ToList(), customerReply, Outcome)
        { Tokens = tokens.Total };
        _turns.Add(turn);
        TokenMetrics.RecordTurn(turn.Tokens, Persona.Id);
        if (customerReply is not null)
        {
            SayCustomer(customerReply.Text, repliedAt);
        }

        return turn;
    }

    /// <summary>Counts a hint the trainee asked for.</summary>
    public void RecordHint() => HintsUsed++;

    /// <summary>The trainee ends the session.</summary>
    public void End()
    {
        if (!IsOver)
        {
            Outcome = Outcome.EndedByTrainee;
        }
    }

    /// <summary>Ends a session that reached the most replies allowed, unless its last reply ended it anyway.</summary>
    public void EndAtTurnLimit()
    {
        if (!IsOver)
        {
            Outcome = Outcome.TurnLimit;
        }
    }

    /// <summary>Hidden needs not met yet, required first, in the persona's order.</summary>
    public IReadOnlyList<HiddenNeed> UnmetNeeds() =>
        Persona.HiddenNeeds.Where(n => !_needsMet.Contains(n.Id)).OrderByDescending(n => n.Required).ToList();

    /// <summary>How often each checklist item has been observed so far.</summary>
    public IReadOnlyDictionary<string, int> ItemCounts => _itemCounts;

    private async Task<CustomerMessage?> AnswerAsync(CustomerContext context, IProgress<string>? progress, CancellationToken cancellationToken) =>
        progress is not null && _engines.Customer is IStreamingCustomerEngine streaming
            ? await streaming.NextAsync(context, progress, cancellationToken)
            : await _engines.Customer.NextAsync(context, cancellationToken);

    private async Task<CustomerMessage> SpeakWhileWaitingAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        var context = new CustomerContext(Persona, _transcript.ToList(), null, _moodAtCustomerMessage, Mood, Outcome, UnmetNeeds(), [], _random, CustomerTurnKind.Chase);
        // Chasers are short and scripted in both engines: waiting for a model to say "在吗？" would defeat the point.
        var message = new CustomerMessage(ScriptedCustomer.Compose(context), CustomerMessage.Scripted);
        _pendingChasers.Add(message.Text);
        _transcript.Add(new TranscriptLine(Speaker.Customer, message.Text));
        return message;
    }

    private void ChargeWait(TimeSpan pastThreshold)
    {
        var delta = pastThreshold - _waitCharged;
        if (delta <= TimeSpan.Zero)
        {
            return;
        }

        var step = _engines.Mood.Wait(Persona, Mood, delta);
        _waitCharged = pastThreshold;
        _pendingWaitChanges.AddRange(step.Changes);
        Mood = step.After;
    }

    private void SayCustomer(string text, DateTimeOffset at)
    {
        _transcript.Add(new TranscriptLine(Speaker.Customer, text));
        LastCustomerText = text;
        LastCustomerMessageAt = at;
        _moodAtCustomerMessage = Mood;
        _pendingChasers.Clear();
        _pendingWaitChanges.Clear();
        _waitCharged = TimeSpan.Zero;
    }

    private Outcome DecideOutcome()
    {
        if (Mood.Anger >= Persona.Mood.EscalateAt)
        {
            return Outcome.Escalated;
        }

        if (Mood.Patience <= 0)
        {
            return Outcome.Abandoned;
        }

        var requiredMet = Persona.HiddenNeeds.Where(n => n.Required).All(n => _needsMet.Contains(n.Id));
        return requiredMet && Mood.Anger <= Persona.Mood.ResolveAt ? Outcome.Resolved : Outcome.Ongoing;
    }

    /// <summary>
    /// A need is met when every one of its items has shown at some point of the conversation (empathy in one
    /// reply and perspective in the next both count) and this reply addresses it: says one of its keywords
    /// ("退款", "补发"), or, for a need without keywords, shows one of its items.
    /// </summary>
    private IReadOnlyList<HiddenNeed> NeedsMetBy(string reply, ReplyEvaluation rules) =>
        Persona.HiddenNeeds
            .Where(n => !_needsMet.Contains(n.Id))
            .Where(n => n.MetByItems.Count > 0 || n.MetByKeywords.Count > 0)
            .Where(n => n.MetByItems.All(id => rules.IsObserved(id) || _itemCounts.ContainsKey(id)))
            .Where(n => n.MetByKeywords.Count > 0
                ? n.MetByKeywords.Any(k => reply.Contains(k, StringComparison.OrdinalIgnoreCase))
                : n.MetByItems.Any(rules.IsObserved))
            .ToList();

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
