namespace RolePlayBot.Core.Personas.Loading;

/// <summary>Reads <c>mood:</c> and checks that its thresholds make a playable session.</summary>
internal static class MoodSection
{
    private static readonly string[] Keys =
        ["anger", "patience", "escalate_at", "resolve_at", "chase_after_seconds", "leave_after_seconds"];

    private static readonly PersonaMood Defaults = new() { Anger = 0, Patience = 0 };

    public static PersonaMood? Read(ParseContext context, YamlSection root)
    {
        var mood = root.Section("mood", Keys);
        if (mood is null)
        {
            return null;
        }

        var anger = mood.Int("anger", 0, 100);
        var patience = mood.Int("patience", 0, 100);
        var escalateAt = mood.Has("escalate_at") ? mood.Int("escalate_at", 1, 100) : Defaults.EscalateAt;
        var resolveAt = mood.Has("resolve_at") ? mood.Int("resolve_at", 0, 99) : Defaults.ResolveAt;
        var chase = mood.Has("chase_after_seconds") ? mood.Int("chase_after_seconds", 1, 3600) : Defaults.ChaseAfterSeconds;
        var leave = mood.Has("leave_after_seconds") ? mood.Int("leave_after_seconds", 1, 86400) : Defaults.LeaveAfterSeconds;
        if (anger is null || patience is null || escalateAt is null || resolveAt is null || chase is null || leave is null)
        {
            return null;
        }

        var ok = true;
        if (anger >= escalateAt)
        {
            context.Error(mood.LineOf("anger"), mood.Child("anger"),
                $"start anger {anger} must be below escalate_at ({escalateAt}), or the customer escalates before the first reply");
            ok = false;
        }

        if (anger <= resolveAt)
        {
            context.Error(mood.LineOf("anger"), mood.Child("anger"),
                $"start anger {anger} must be above resolve_at ({resolveAt}), or there is nothing to calm down");
            ok = false;
        }

        if (chase >= leave)
        {
            context.Error(mood.LineOf("leave_after_seconds"), mood.Child("leave_after_seconds"),
                $"must be greater than chase_after_seconds ({chase}): the customer chases before giving up");
            ok = false;
        }

        return ok
            ? new PersonaMood
            {
                Anger = anger.Value,
                Patience = patience.Value,
                EscalateAt = escalateAt.Value,
                ResolveAt = resolveAt.Value,
                ChaseAfterSeconds = chase.Value,
                LeaveAfterSeconds = leave.Value,
            }
            : null;
    }
}
