using System.Text.RegularExpressions;
using RolePlayBot.Core.Checklist;
using RolePlayBot.Core.Evaluation;

namespace RolePlayBot.Llm.Tests.Fakes;

/// <summary>A tiny stand-in for the rule engine: one regular expression per checklist item.</summary>
internal sealed class FakeRules : IReplyEvaluator
{
    public const string Critique = "rules critique";
    public const string Suggestion = "rules suggestion";

    private static readonly (string Id, Regex Pattern)[] Table =
    [
        (ChecklistItemIds.AcknowledgeReceipt, new(@"已收到|收到您的|I've logged")),
        (ChecklistItemIds.TimeCommitment, new(@"\d+\s*(分钟|小时)内|今天\d+点前|within \w+ (minutes|hours)|by \d+ ?(am|pm)")),
        (ChecklistItemIds.ConcreteSolution, new(@"退款|补发|换货|refund")),
        (ChecklistItemIds.ClearInformation, new(@"\d+\s*元|\$\d+")),
        (ChecklistItemIds.ClarifyingQuestion, new(@"方便(提供|发)|photo")),
        (ChecklistItemIds.AcknowledgeEmotion, new(@"着急|失望|frustrat|upset")),
        (ChecklistItemIds.Apology, new(@"抱歉|对不起|sorry", RegexOptions.IgnoreCase)),
        (ChecklistItemIds.PerspectiveTaking, new(@"换作是我|如果我是您|in your shoes")),
        (ChecklistItemIds.FollowUpCare, new(@"再提醒|跟进|随时|I'll (email|update|let you know)")),
        (ChecklistItemIds.BlameShifting, new(@"管不了|不是我们的问题")),
        (ChecklistItemIds.ColdTone, new(@"^(哦|嗯)$|自己联系")),
        (ChecklistItemIds.Impatience, new(@"说了多少遍|你到底")),
        (ChecklistItemIds.PresumedBadFaith, new(@"故意|白嫖")),
    ];

    public List<EvaluationRequest> Calls { get; } = [];

    public Task<ReplyEvaluation> EvaluateAsync(EvaluationRequest request, CancellationToken cancellationToken = default)
    {
        Calls.Add(request);
        return Task.FromResult(Evaluate(request));
    }

    public static ReplyEvaluation Evaluate(EvaluationRequest request)
    {
        var items = Table.Select(row => row.Pattern.Match(request.Reply) is { Success: true } m
            ? new Observation(row.Id, true, m.Value, ObservationSources.Rules)
            : new Observation(row.Id, false, null, ObservationSources.Rules)).ToList();
        return new ReplyEvaluation(items, new ProportionalReplyScorer().Score(items, request), Critique, Suggestion, false, []);
    }
}
