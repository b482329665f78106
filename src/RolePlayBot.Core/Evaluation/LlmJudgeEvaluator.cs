using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using RolePlayBot.Core.Prompts;
using RolePlayBot.Core.Text;
using RolePlayBot.Core.Usage;

namespace RolePlayBot.Core.Evaluation;

/// <summary>
/// Rules plus a model judge (prompts/judge.prompty). The rule engine always runs; the model refines its
/// observations and writes the critique. Whatever the model does — fail, time out, answer garbage, get
/// talked into praise — the result is a valid evaluation, never an exception, and never above what the
/// rules allow for a reply that tries to instruct the judge.
/// </summary>
public sealed partial class LlmJudgeEvaluator(
    IChatClient chatClient,
    PromptTemplate template,
    IReplyEvaluator rules,
    IReplyScorer? scorer = null) : IReplyEvaluator
{
    private const int Attempts = 2;
    private readonly IReplyScorer _scorer = scorer ?? new ProportionalReplyScorer();

    public async Task<ReplyEvaluation> EvaluateAsync(EvaluationRequest request, CancellationToken cancellationToken = default)
    {
        var ruleResult = request.Rules is { } made && ReferenceEquals(made.Engine, rules)
            ? made.Evaluation
            : await rules.EvaluateAsync(request, cancellationToken);
        var screen = InjectionScreen.Screen(request.Reply);
        var diagnostics = new List<string>(ruleResult.Diagnostics);
        diagnostics.AddRange(screen.Segments.Select(s => $"injection screen: removed {s.Kind} \"{JudgeVerdictParser.Shorten(s.Text)}\""));

        if (screen.CleanedText.Length == 0)
        {
            diagnostics.Add("nothing left to grade after the injection screen; the rules' evaluation was used");
            return RulesOnly(ruleResult, screen.Flagged, diagnostics);
        }

        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            ChatResponse response;
            try
            {
                var prompt = template.Render(Inputs(request, ruleResult, screen.CleanedText, NewNonce()), JudgeSchema.Schema);
                response = await chatClient.GetResponseAsync(prompt.Messages, prompt.Options, cancellationToken);
                request.Tokens?.Record(TokenRoles.Judge, response.Usage);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                diagnostics.Add($"model judge unavailable ({e.GetType().Name}: {e.Message}); the rules' evaluation was used");
                return RulesOnly(ruleResult, screen.Flagged, diagnostics) with { FellBackToRules = true };
            }

            if (JudgeVerdictParser.TryParse(response.Text, out var verdict, out var error))
            {
                return JudgeFusion.Fuse(request, ruleResult, verdict, screen.Flagged || verdict.InjectionSuspected, _scorer, diagnostics);
            }
            var truncated = response.FinishReason == ChatFinishReason.Length ? " (cut off at the token limit)" : "";
            diagnostics.Add($"judge answer {attempt} unusable: {error}{truncated}");
        }

        diagnostics.Add("judge gave no usable answer; the rules' evaluation was used");
        return RulesOnly(ruleResult, screen.Flagged, diagnostics) with { FellBackToRules = true };
    }

    private static ReplyEvaluation RulesOnly(ReplyEvaluation rules, bool flagged, List<string> diagnostics) =>
        rules with { InjectionSuspected = rules.InjectionSuspected || flagged, Diagnostics = diagnostics };

    /// <summary>
    /// The persona's fields go into the system message, which must be identical for every call of a session so
    /// providers can cache it: they are neutralised without the per-call nonce. Only the nonce-delimited user part
    /// changes from call to call.
    /// </summary>
    private static Dictionary<string, object?> Inputs(EvaluationRequest request, ReplyEvaluation rules, string reply, string nonce)
    {
        var persona = request.Persona;
        return new()
        {
            ["language"] = Locales.IsChinese(request.Locale) ? "简体中文" : "English",
            ["scenario"] = NeutraliseTags(persona?.Scenario ?? "-"),
            ["character"] = NeutraliseTags(persona?.Character ?? ""),
            ["facts"] = persona is null ? null : TagSafe(PersonaPromptInputs.Facts(persona.Facts)),
            ["needs"] = persona is null ? null : TagSafe(PersonaPromptInputs.Needs(persona)),
            ["nonce"] = nonce,
            ["customer_message"] = Neutralise(request.CustomerMessage, nonce),
            ["trainee_reply"] = Neutralise(reply, nonce),
            ["rule_findings"] = Neutralise(Findings(rules, reply), nonce),
        };
    }

    /// <summary>Every string inside the persona's prompt inputs, with boundary tags neutralised.</summary>
    private static object? TagSafe(object? value) => value switch
    {
        string text => NeutraliseTags(text),
        Dictionary<string, object?> map => map.ToDictionary(e => e.Key, e => TagSafe(e.Value)),
        IEnumerable<Dictionary<string, object?>> list => list.Select(TagSafe).ToList(),
        _ => value,
    };

    /// <summary>
    /// The rules' evidence quotes the reply, so it is untrusted too: only quotes that survive the injection
    /// screen are passed on.
    /// </summary>
    private static string Findings(ReplyEvaluation rules, string screenedReply)
    {
        var text = new StringBuilder();
        foreach (var o in rules.Items)
        {
            text.Append("- ").Append(o.ItemId).Append(": ");
            text.Append(!o.Observed ? "not observed"
                : o.Evidence is { Length: > 0 } quote && screenedReply.Contains(quote, StringComparison.Ordinal) ? $"observed, \"{quote}\""
                : "observed");
            text.Append('\n');
        }
        return text.ToString().TrimEnd();
    }

    /// <summary>Untrusted text must not be able to close (or reopen) a boundary tag or guess its id.</summary>
    internal static string Neutralise(string text, string nonce) =>
        NeutraliseTags(text.Replace(nonce, "[id]", StringComparison.OrdinalIgnoreCase));

    /// <summary>The nonce-free part of <see cref="Neutralise"/>: the same text always gives the same result.</summary>
    internal static string NeutraliseTags(string text) => BoundaryTag().Replace(text, m => "‹" + m.Value[1..]);

    private static string NewNonce() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    [GeneratedRegex(@"<\s*/?\s*(trainee_reply|customer_message|rule_findings)", RegexOptions.IgnoreCase)]
    private static partial Regex BoundaryTag();
}
