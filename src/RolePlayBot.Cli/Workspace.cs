using System.CommandLine;
using Microsoft.Extensions.Configuration;
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
    private Workspace(IConfiguration configuration, string root)
    {
        Configuration = configuration;
        Root = root;
        PersonasPath = Resolve(configuration["Personas:Path"], "personas");
        ChecklistPath = Resolve(configuration["Checklist:Path"], "checklist.yaml");
        PromptsPath = Resolve(configuration["Prompts:Path"], "prompts");
    }

    public IConfiguration Configuration { get; }
    public string Root { get; }
    public string PersonasPath { get; }
    public string ChecklistPath { get; }
    public string PromptsPath { get; }
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
        var workspace = new Workspace(configuration, FindRoot());
        workspace.Checklist = workspace.LoadChecklist();
        if (loadPersonas)
        {
            workspace.Personas = workspace.LoadPersonas(workspace.PersonasPath);
        }

        return workspace;
    }

    public PersonaCatalog LoadPersonas(string folder) => NewLoader().LoadFolder(folder);

    public PersonaCatalog LoadPersonaFile(string path)
    {
        var result = NewLoader().LoadFile(path);
        return new PersonaCatalog(result.Persona is null ? [] : [result.Persona], result.Errors);
    }

    /// <summary>The engines from the Llm settings; says once, on <paramref name="log"/>, which engine runs.</summary>
    public EngineSetup CreateEngines(TextWriter log)
    {
        var options = new LlmOptions();
        Configuration.GetSection(LlmOptions.SectionName).Bind(options);
        var rules = new RuleEvaluator(Checklist);
        var setup = PracticeEngineFactory.Create(options, Checklist, rules, new ReplyScorer(Checklist), PromptsPath);
        log.WriteLine(setup.Announcement);
        return setup;
    }

    private PersonaLoader NewLoader() =>
        new(Checklist.Items.Select(i => i.Id).Where(id => !ChecklistItemIds.All.Contains(id)));

    private ChecklistDefinition LoadChecklist() => ChecklistLoader.Load(ChecklistPath);

    private string Resolve(string? configured, string defaultName) =>
        string.IsNullOrWhiteSpace(configured) ? Path.Combine(Root, defaultName) : Path.GetFullPath(configured);

    /// <summary>The nearest folder upwards holding personas/ (the repository, or an installed copy).</summary>
    private static string FindRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (Directory.Exists(Path.Combine(dir.FullName, "personas")) && File.Exists(Path.Combine(dir.FullName, "checklist.yaml")))
                {
                    return dir.FullName;
                }
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
