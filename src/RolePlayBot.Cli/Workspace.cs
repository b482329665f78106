using System.CommandLine;
using Microsoft.Extensions.Configuration;
using RolePlayBot.Core;
using RolePlayBot.Core.Checklist;
using RolePlayBot.Core.Evaluation;
using RolePlayBot.Core.Personas;
using RolePlayBot.Llm;

namespace RolePlayBot.Cli;

/// <summary>
/// Where the CLI finds its files and settings: appsettings.json, then the environment (Llm__Endpoint…),
/// then flags. Paths default to the personas/, prompts/ and checklist.yaml of the repository (found by
/// walking up from the current folder), so `dotnet run --project src/RolePlayBot.Cli` works from a clone.
/// </summary>
public sealed class Workspace
{
    private Workspace(IConfiguration configuration)
    {
        Configuration = configuration;
        Files = PracticeFiles.Resolve(configuration["Personas:Path"], configuration["Checklist:Path"], configuration["Prompts:Path"]);
    }

    public IConfiguration Configuration { get; }
    public PracticeFiles Files { get; }
    public string PersonasPath => Files.PersonasPath;
    public string PromptsPath => Files.PromptsPath;
    public ChecklistDefinition Checklist { get; private set; } = null!;
    public PersonaCatalog Personas { get; private set; } = new([]);

    public static Workspace Load(ParseResult parse, TextWriter errors, bool loadPersonas = true)
    {
        var overrides = new Dictionary<string, string?>();
        void Flag(Option<string?> option, string key)
        {
            var value = parse.GetValue(option);
            if (value is not null)
            {
                overrides[key] = value;
            }
        }

        Flag(GlobalOptions.Personas, "Personas:Path");
        Flag(GlobalOptions.Checklist, "Checklist:Path");
        Flag(GlobalOptions.Prompts, "Prompts:Path");
        Flag(GlobalOptions.LlmEndpoint, "Llm:Endpoint");
        Flag(GlobalOptions.LlmModel, "Llm:Model");
        Flag(GlobalOptions.LlmApiKey, "Llm:ApiKey");
        Flag(GlobalOptions.LlmAuth, "Llm:Auth");

        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides)
            .Build();
        var workspace = new Workspace(configuration);
        workspace.Checklist = workspace.Files.LoadChecklist();
        if (loadPersonas)
        {
            workspace.Personas = workspace.LoadPersonas(workspace.PersonasPath);
        }

        return workspace;
    }

    public PersonaCatalog LoadPersonas(string folder) => PracticeFiles.NewPersonaLoader(Checklist).LoadFolder(folder);

    public PersonaCatalog LoadPersonaFile(string path)
    {
        var result = PracticeFiles.NewPersonaLoader(Checklist).LoadFile(path);
        return new PersonaCatalog(result.Persona is null ? [] : [result.Persona], result.Errors);
    }

    /// <summary>The engines from the Llm settings; says once, on <paramref name="log"/>, which engine runs.</summary>
    public EngineSetup CreateEngines(TextWriter log)
    {
        var options = new LlmOptions();
        Configuration.GetSection(LlmOptions.SectionName).Bind(options);
        var rules = new RuleEvaluator(Checklist);
        // The circuit breaker's changes go to the log too: a batch that falls back to the rules halfway should say so.
        var setup = PracticeEngineFactory.Create(options, Checklist, rules, new ReplyScorer(Checklist), PromptsPath,
            change => log.WriteLine($"model: {change.Reason}"));
        log.WriteLine(setup.Announcement);
        return setup;
    }
}
