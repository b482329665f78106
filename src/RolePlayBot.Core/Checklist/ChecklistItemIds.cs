namespace RolePlayBot.Core.Checklist;

/// <summary>The 13 checklist ids of shared/domain/checklist.md. They are a contract: spell them exactly so.</summary>
public static class ChecklistItemIds
{
    public const string AcknowledgeReceipt = "acknowledge_receipt";
    public const string TimeCommitment = "time_commitment";
    public const string ConcreteSolution = "concrete_solution";
    public const string ClearInformation = "clear_information";
    public const string ClarifyingQuestion = "clarifying_question";
    public const string AcknowledgeEmotion = "acknowledge_emotion";
    public const string Apology = "apology";
    public const string PerspectiveTaking = "perspective_taking";
    public const string FollowUpCare = "follow_up_care";
    public const string BlameShifting = "blame_shifting";
    public const string ColdTone = "cold_tone";
    public const string Impatience = "impatience";
    public const string PresumedBadFaith = "presumed_bad_faith";

    public static readonly IReadOnlyList<string> All =
    [
        AcknowledgeReceipt, TimeCommitment, ConcreteSolution, ClearInformation, ClarifyingQuestion,
        AcknowledgeEmotion, Apology, PerspectiveTaking, FollowUpCare,
        BlameShifting, ColdTone, Impatience, PresumedBadFaith,
    ];

    public static readonly IReadOnlySet<string> AntiPatterns =
        new HashSet<string>([BlameShifting, ColdTone, Impatience, PresumedBadFaith], StringComparer.Ordinal);
}
