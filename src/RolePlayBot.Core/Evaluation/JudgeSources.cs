namespace RolePlayBot.Core.Evaluation;

/// <summary>Who judged a reply, as reports, the CLI's JSON and the stored turns name it.</summary>
public static class JudgeSources
{
    /// <summary>The model judge's verdict (with the rules' findings it was given).</summary>
    public const string Model = "model";

    /// <summary>The offline engine's rules, the engine in use.</summary>
    public const string Rules = "rules";

    /// <summary>A model judge was asked and gave no usable verdict, so the rules alone judged this reply.</summary>
    public const string Fallback = "fallback";

    /// <summary>Who judged <paramref name="evaluation"/>.</summary>
    public static string Of(ReplyEvaluation evaluation) =>
        evaluation.FellBackToRules ? Fallback
        : evaluation.Items.Any(o => o.Source == ObservationSources.Llm) ? Model
        : Rules;
}
