using RolePlayBot.Bot.Dashboard.Auth;
using RolePlayBot.Storage;

namespace RolePlayBot.Bot.Dashboard.Data;

/// <summary>
/// The store's read side as one viewer may see it. A viewer who is not a trainer only ever gets sessions stored under
/// their own id, whatever the filter asks for: the endpoints refuse other trainees' data first, and this is the second lock.
/// </summary>
public sealed class DashboardReader(ITrainingStore store, DashboardClock clock)
{
    /// <summary>Enough for a team's history; the pages summarise, the exports list.</summary>
    private const int MaxSessions = 10_000;

    public DashboardClock Clock => clock;

    public async Task<IReadOnlyList<SessionRecord>> SessionsAsync(DashboardViewer viewer, SessionFilter filter, CancellationToken cancellationToken)
    {
        var trainee = viewer.IsTrainer ? filter.Trainee : viewer.UserId;
        var from = filter.From is { } f ? clock.StartOf(f) : (DateTimeOffset?)null;
        var to = filter.To is { } t ? clock.StartOf(t.AddDays(1)) : (DateTimeOffset?)null;
        var sessions = await store.SessionsAsync(new SessionQuery(trainee, filter.Persona, from, to, MaxSessions), cancellationToken);
        return sessions
            .Where(s => viewer.MaySee(s.TraineeId))
            .Where(s => trainee is null || s.TraineeId == trainee)
            .Where(s => filter.Persona is null || s.PersonaId == filter.Persona)
            .Where(s => (from is null || s.StartedAt >= from) && (to is null || s.StartedAt < to))
            .OrderByDescending(s => s.StartedAt)
            .ToList();
    }

    /// <summary>The session, or null when it does not exist; <see cref="SessionAccess.Forbidden"/> when it is someone else's.</summary>
    public async Task<(SessionAccess Access, SessionRecord? Session)> SessionAsync(DashboardViewer viewer, string sessionId, CancellationToken cancellationToken)
    {
        var session = await store.SessionAsync(sessionId, cancellationToken);
        if (session is null)
        {
            return (SessionAccess.NotFound, null);
        }

        return viewer.MaySee(session.TraineeId) ? (SessionAccess.Allowed, session) : (SessionAccess.Forbidden, null);
    }

    /// <summary>Turns of a session the caller has already been allowed to see (through <see cref="SessionAsync"/> or <see cref="SessionsAsync"/>).</summary>
    public async Task<IReadOnlyList<TurnRecord>> TurnsAsync(SessionRecord allowed, CancellationToken cancellationToken) =>
        (await store.TurnsAsync(allowed.Id, cancellationToken)).OrderBy(t => t.Index).ToList();

    public async Task<IReadOnlyList<TurnRecord>> TurnsAsync(IEnumerable<SessionRecord> allowed, CancellationToken cancellationToken)
    {
        var all = new List<TurnRecord>();
        foreach (var session in allowed)
        {
            all.AddRange(await TurnsAsync(session, cancellationToken));
        }

        return all;
    }

    /// <summary>Assignments with progress: a trainer's choice of trainee (null: everyone's); anyone else only ever their own.</summary>
    public async Task<IReadOnlyList<AssignmentProgress>> AssignmentsAsync(DashboardViewer viewer, string? traineeId, CancellationToken cancellationToken)
    {
        var trainee = viewer.IsTrainer ? traineeId : viewer.UserId;
        return (await store.AssignmentsAsync(new AssignmentQuery(trainee), cancellationToken))
            .Where(a => viewer.MaySee(a.Assignment.TraineeId))
            .ToList();
    }

    public async Task<IReadOnlyList<TraineeSummary>> TraineesAsync(DashboardViewer viewer, CancellationToken cancellationToken) =>
        (await store.TraineesAsync(cancellationToken)).Where(t => viewer.MaySee(t.TraineeId)).ToList();
}

public enum SessionAccess
{
    Allowed,
    NotFound,
    Forbidden,
}
