using RolePlayBot.Core.Evaluation;

namespace RolePlayBot.Core.Tests.Rules;

/// <summary>Short helpers for rule tests.</summary>
internal static class Eval
{
    public static ReplyEvaluation Zh(string reply, string customer = "我的快递三天了还没到！") =>
        RepoRoot.Evaluator.Evaluate(new EvaluationRequest(reply, customer, "zh-CN"));

    public static ReplyEvaluation En(string reply, string customer = "My package is late.") =>
        RepoRoot.Evaluator.Evaluate(new EvaluationRequest(reply, customer, "en"));

    public static IReadOnlyList<string> Observed(this ReplyEvaluation evaluation) =>
        evaluation.Items.Where(o => o.Observed).Select(o => o.ItemId).ToList();
}
