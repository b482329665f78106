namespace RolePlayBot.Storage;

/// <summary>
/// A trainer asks a trainee to practise one persona: passed by a session of that persona, started after
/// <see cref="CreatedAt"/>, that ends <c>resolved</c> with an overall score of at least <see cref="PassMark"/>.
/// </summary>
/// <param name="BatchId">Shared by the assignments made together (one form: several personas × several trainees).</param>
/// <param name="TraineeId">The id sessions are stored under (<see cref="SessionRecord.TraineeId"/>).</param>
/// <param name="PersonaLocale">The locale to start the persona in; null for the trainee's own. Sessions of any locale count.</param>
/// <param name="PassMark">Overall score 0–100 a resolved session must reach.</param>
/// <param name="DueAt">After this instant an assignment not yet passed is overdue (a later pass still counts as passed).</param>
public sealed record AssignmentRecord(
    string Id,
    string BatchId,
    string TraineeId,
    string TraineeName,
    string PersonaId,
    string? PersonaLocale,
    int PassMark,
    DateTimeOffset DueAt,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? CancelledAt = null);

/// <summary>Filters for <see cref="ITrainingStore.AssignmentsAsync"/>; null means any.</summary>
/// <param name="OpenOnly">Only assignments still to do: not cancelled and not passed (overdue ones are still open).</param>
public sealed record AssignmentQuery(string? TraineeId = null, bool OpenOnly = false, string? PersonaId = null);

public enum AssignmentStatus
{
    NotStarted,
    Attempted,
    Passed,
    Overdue,
    Cancelled,
}

/// <summary>
/// An assignment with what its trainee has done about it: finished sessions of the persona since it was assigned
/// (<see cref="Attempts"/>), the best overall score among them, and the end of the first passing one.
/// </summary>
public sealed record AssignmentProgress(AssignmentRecord Assignment, int Attempts, int? BestOverall, bool Passed, DateTimeOffset? CompletedAt)
{
    public bool IsOpen => Assignment.CancelledAt is null && !Passed;

    public AssignmentStatus StatusAt(DateTimeOffset now) =>
        Assignment.CancelledAt is not null ? AssignmentStatus.Cancelled
        : Passed ? AssignmentStatus.Passed
        : now >= Assignment.DueAt ? AssignmentStatus.Overdue
        : Attempts > 0 ? AssignmentStatus.Attempted
        : AssignmentStatus.NotStarted;

    /// <summary>Whether a finished session passes an assignment: resolved, and overall at or above the pass mark.</summary>
    public static bool Passes(AssignmentRecord assignment, string outcome, int? overall) =>
        string.Equals(outcome, "resolved", StringComparison.Ordinal) && overall is { } score && score >= assignment.PassMark;

    /// <summary>
    /// The progress of <paramref name="assignment"/> from its trainee's sessions (any may be passed; only the same
    /// trainee's finished sessions of the persona started at or after the assignment count).
    /// </summary>
    public static AssignmentProgress Of(AssignmentRecord assignment, IEnumerable<SessionRecord> sessions)
    {
        var counted = sessions
            .Where(s => s.TraineeId == assignment.TraineeId && s.PersonaId == assignment.PersonaId)
            .Where(s => s.StartedAt >= assignment.CreatedAt && s.EndedAt is not null)
            .OrderBy(s => s.EndedAt)
            .ToList();
        var firstPass = counted.FirstOrDefault(s => Passes(assignment, s.Outcome, s.Overall));
        return new AssignmentProgress(
            assignment,
            counted.Count,
            counted.Max(s => s.Overall),
            firstPass is not null,
            firstPass?.EndedAt);
    }
}
