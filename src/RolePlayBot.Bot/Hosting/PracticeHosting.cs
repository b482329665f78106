using RolePlayBot.Core;
using RolePlayBot.Core.Checklist;
using RolePlayBot.Core.Evaluation;
using RolePlayBot.Core.Personas;
using RolePlayBot.Core.Scoring;
using RolePlayBot.Core.Sessions;
using RolePlayBot.Llm;
using RolePlayBot.Llm.Resilience;

namespace RolePlayBot.Bot.Hosting;

/// <summary>The practice engine as services: the checklist, the personas, and the engines chosen from the Llm settings.</summary>
public static class PracticeHosting
{
    public static WebApplicationBuilder AddPracticeEngine(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.AddSingleton(_ => PracticeFiles.Resolve(
            configuration["Personas:Path"], configuration["Checklist:Path"], configuration["Prompts:Path"], builder.Environment.ContentRootPath));
        builder.Services.AddSingleton(sp => sp.GetRequiredService<PracticeFiles>().LoadChecklist());
        builder.Services.AddSingleton(sp =>
        {
            var catalog = sp.GetRequiredService<PracticeFiles>().LoadPersonas(sp.GetRequiredService<ChecklistDefinition>());
            var log = sp.GetRequiredService<ILoggerFactory>().CreateLogger("RolePlayBot.Personas");
            foreach (var error in catalog.Errors)
            {
                log.LogError("Persona file skipped: {Error}", error.ToString());
            }

            log.LogInformation("{Count} personas loaded from {Path}", catalog.All.Count, sp.GetRequiredService<PracticeFiles>().PersonasPath);
            return catalog;
        });
        builder.Services.AddSingleton(sp =>
        {
            var options = new LlmOptions();
            configuration.GetSection(LlmOptions.SectionName).Bind(options);
            var checklist = sp.GetRequiredService<ChecklistDefinition>();
            var log = sp.GetRequiredService<ILoggerFactory>().CreateLogger("RolePlayBot.Engine");
            var setup = PracticeEngineFactory.Create(
                options, checklist, new RuleEvaluator(checklist), new ReplyScorer(checklist), sp.GetRequiredService<PracticeFiles>().PromptsPath,
                change => log.Log(change.To == CircuitState.Closed ? LogLevel.Information : LogLevel.Warning, "Model endpoint: {Reason}", change.Reason));
            log.LogInformation("{Announcement}", setup.Announcement);
            return setup;
        });
        builder.Services.AddSingleton(sp => new ScorecardBuilder(sp.GetRequiredService<ChecklistDefinition>()));
        builder.Services.AddSingleton(sp => new Hints(sp.GetRequiredService<ChecklistDefinition>()));
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }
}
