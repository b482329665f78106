namespace RolePlayBot.Core.Customers;

/// <summary>The customer's message and where it came from.</summary>
/// <param name="Text">What the customer says.</param>
/// <param name="Source">"scripted", "model", or "fallback" (the model failed and the scripted engine answered).</param>
/// <param name="Diagnostics">Why a fallback happened, for the trainee and the logs.</param>
public sealed record CustomerMessage(string Text, string Source, IReadOnlyList<string>? Diagnostics = null)
{
    public const string Scripted = "scripted";
    public const string Model = "model";
    public const string Fallback = "fallback";
}
