using RolePlayBot.Core.Checklist;
using RolePlayBot.Core.Customers;
using RolePlayBot.Core.Evaluation;
using RolePlayBot.Core.Prompts;
using RolePlayBot.Core.Sessions;
using RolePlayBot.Llm.Privacy;
using RolePlayBot.Llm.Resilience;

namespace RolePlayBot.Llm;

/// <summary>
/// Chooses the engines from configuration in one place: no endpoint → the offline engine (scripted customer,
/// rule evaluator); an endpoint → the model plays the customer and judges alongside the rules, with the offline
/// engine as the fallback for every failed call.
/// </summary>
public static class PracticeEngineFactory
{
    /// <param name="circuitChanged">Told when the model endpoint's circuit breaker opens, probes and closes.</param>
    public static EngineSetup Create(
        LlmOptions options, ChecklistDefinition checklist, IReplyEvaluator rules, IReplyScorer scorer, string promptsPath,
        Action<CircuitChange>? circuitChanged = null)
    {
        var scripted = new ScriptedCustomer(new PromisedTime(checklist));
        if (!options.IsConfigured)
        {
            return new EngineSetup(new PracticeEngines(checklist, rules, rules, scripted), "offline", false,
                "Offline engine: no Llm:Endpoint configured (scripted customer, rule-based evaluator). 离线模式。");
        }

        options.EnsureValid();
        // Mask → timeouts and circuit breaker → SDK retries → HTTP (see ChatClientFactory.Compose for the inner layers).
        var chat = ChatClientFactory.Create(options, circuitChanged: circuitChanged).UsePiiMasking(options.Masking);
        var customer = new ModelCustomer(chat, PromptTemplate.Load(Path.Combine(promptsPath, "customer.prompty")), scripted, options.History());
        var judge = new LlmJudgeEvaluator(chat, PromptTemplate.Load(Path.Combine(promptsPath, "judge.prompty")), rules, scorer);
        return new EngineSetup(new PracticeEngines(checklist, rules, judge, customer), "model", true,
            $"Model engine: {options.Model} at {options.Endpoint} (falls back to the offline engine on failure).");
    }
}

/// <summary>The engines chosen, their name for reports ("offline" or "model"), and the one line said at start.</summary>
public sealed record EngineSetup(PracticeEngines Engines, string Name, bool UsesModel, string Announcement);
