using System.Text.Json.Serialization;

namespace RolePlayBot.Core.Evaluation;

/// <summary>Whether one checklist item shows in one trainee reply, with the evidence and who saw it.</summary>
/// <param name="ItemId">A checklist id.</param>
/// <param name="Observed">True when the behaviour (or anti-pattern) is present.</param>
/// <param name="Evidence">An exact substring of the reply that shows it; null when not observed.</param>
/// <param name="Source"><see cref="ObservationSources.Rules"/> or <see cref="ObservationSources.Llm"/>.</param>
public sealed record Observation([property: JsonPropertyName("id")] string ItemId, bool Observed, string? Evidence, string Source);

public static class ObservationSources
{
    public const string Rules = "rules";
    public const string Llm = "llm";
}
