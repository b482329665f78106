using System.CommandLine;

namespace RolePlayBot.Cli;

/// <summary>Options every command understands; they override appsettings.json and the environment.</summary>
public static class GlobalOptions
{
    public static readonly Option<string?> Personas = new("--personas") { Description = "Folder of persona files (default: ./personas).", Recursive = true };
    public static readonly Option<string?> Checklist = new("--checklist") { Description = "Checklist file (default: ./checklist.yaml).", Recursive = true };
    public static readonly Option<string?> Prompts = new("--prompts") { Description = "Folder of prompt templates (default: ./prompts).", Recursive = true };
    public static readonly Option<string?> LlmEndpoint = new("--llm-endpoint") { Description = "OpenAI-compatible endpoint (Azure OpenAI v1, OpenAI, Ollama…). None: the offline engine.", Recursive = true };
    public static readonly Option<string?> LlmModel = new("--llm-model") { Description = "Model or deployment name.", Recursive = true };
    public static readonly Option<string?> LlmApiKey = new("--llm-api-key") { Description = "API key (prefer the Llm__ApiKey environment variable).", Recursive = true };
    public static readonly Option<string?> LlmAuth = new("--llm-auth") { Description = "key or entra.", Recursive = true };

    public static IEnumerable<Option> All => [Personas, Checklist, Prompts, LlmEndpoint, LlmModel, LlmApiKey, LlmAuth];
}
