using RolePlayBot.Core.Customers;

namespace RolePlayBot.Llm;

/// <summary>
/// Where the chat model lives ("Llm" configuration section). Azure OpenAI's v1 endpoint
/// (https://&lt;resource&gt;.openai.azure.com/openai/v1/), OpenAI (https://api.openai.com/v1/) and local
/// OpenAI-compatible servers (Ollama, LM Studio, vLLM) all work; leave the endpoint empty to stay offline.
/// </summary>
public sealed class LlmOptions
{
    public const string SectionName = "Llm";

    /// <summary>Base URL of the OpenAI-compatible API, up to and including the version segment.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The model name, or on Azure the deployment name.</summary>
    public string? Model { get; set; }

    /// <summary>The API key: sent as <c>api-key</c> to Azure, as <c>Authorization: Bearer</c> elsewhere. Optional for local servers.</summary>
    public string? ApiKey { get; set; }

    /// <summary><c>key</c> (default) or <c>entra</c> (Azure only: Microsoft Entra ID through DefaultAzureCredential).</summary>
    public string Auth { get; set; } = AuthModes.Key;

    /// <summary>Network timeout for one attempt; fractions allowed.</summary>
    public double TimeoutSeconds { get; set; } = 30;

    /// <summary>Retries after 429 or 5xx; 0 turns retrying off.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>First backoff delay; doubles per retry unless the server says how long to wait.</summary>
    public double RetryDelaySeconds { get; set; } = 0.8;

    /// <summary>The longest single wait. A server asking for longer (Retry-After) gets no retry, so a turn never hangs.</summary>
    public double MaxRetryDelaySeconds { get; set; } = 8;

    /// <summary>
    /// The longest one call may take, retries and their waits included; past it the turn falls back. Each attempt is
    /// also bounded by <see cref="TimeoutSeconds"/>, but three slow 5xx answers in a row would otherwise add up.
    /// </summary>
    public double CallTimeoutSeconds { get; set; } = 45;

    /// <summary>The longest silence between two chunks of a streamed answer (and before the first) before it is given up.</summary>
    public double StreamIdleTimeoutSeconds { get; set; } = 15;

    /// <summary>The longest a streamed answer may take in all, however steadily it trickles.</summary>
    public double StreamTimeoutSeconds { get; set; } = 90;

    /// <summary>
    /// Failed calls in a row (timeouts, 429 beyond the retries, 5xx, malformed answers) after which the circuit opens:
    /// every turn then falls back at once instead of each waiting for a dead endpoint. 0 turns the breaker off.
    /// </summary>
    public int CircuitBreakerFailures { get; set; } = 5;

    /// <summary>How long the circuit stays open before one probe call may try the endpoint again.</summary>
    public double CircuitBreakerSeconds { get; set; } = 30;

    /// <summary>Turns the model customer always sees word for word; older ones are summarised (see <see cref="History()"/>).</summary>
    public int HistoryTurns { get; set; } = HistoryWindow.Default.VerbatimTurns;

    /// <summary>Older turns move into the summary this many at a time, so the cached prompt prefix changes only that often.</summary>
    public int HistoryBlockTurns { get; set; } = HistoryWindow.Default.BlockTurns;

    /// <summary>The longest chat message the customer prompt quotes; longer ones are cut with a marker.</summary>
    public int MaxQuotedChars { get; set; } = HistoryWindow.Default.MaxQuotedChars;

    /// <summary>What is masked before text goes to the model (Llm:Masking); on by default.</summary>
    public Privacy.PiiMaskingOptions Masking { get; set; } = new();

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint);

    /// <summary>The model customer's view of the chat, from <see cref="HistoryTurns"/>, <see cref="HistoryBlockTurns"/> and <see cref="MaxQuotedChars"/>.</summary>
    public HistoryWindow History() => new(HistoryTurns, HistoryBlockTurns, MaxQuotedChars);

    public bool IsAzure => Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) && IsAzureEndpoint(uri);

    /// <summary>Problems that make these options unusable, worded for the person editing the configuration.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!IsConfigured)
        {
            return errors;
        }
        if (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            errors.Add($"{SectionName}:Endpoint '{Endpoint}' is not an absolute http(s) URL, e.g. https://my-resource.openai.azure.com/openai/v1/");
        }
        if (string.IsNullOrWhiteSpace(Model))
        {
            errors.Add($"{SectionName}:Model is required when {SectionName}:Endpoint is set (on Azure, the deployment name)");
        }
        if (Auth is not (AuthModes.Key or AuthModes.Entra))
        {
            errors.Add($"{SectionName}:Auth must be '{AuthModes.Key}' or '{AuthModes.Entra}', not '{Auth}'");
        }
        if (Auth == AuthModes.Entra && uri is not null && !IsAzureEndpoint(uri))
        {
            errors.Add($"{SectionName}:Auth 'entra' works only with an Azure OpenAI endpoint (…/openai/v1/)");
        }
        if (Auth == AuthModes.Key && string.IsNullOrWhiteSpace(ApiKey) && uri is not null && IsHostedService(uri))
        {
            errors.Add($"{SectionName}:ApiKey is required for {uri.Host} (or set {SectionName}:Auth to 'entra' on Azure)");
        }
        if (!(TimeoutSeconds > 0 && TimeoutSeconds <= 600))
        {
            errors.Add($"{SectionName}:TimeoutSeconds must be between 0 and 600, not {TimeoutSeconds}");
        }
        if (MaxRetries is < 0 or > 10)
        {
            errors.Add($"{SectionName}:MaxRetries must be between 0 and 10, not {MaxRetries}");
        }
        errors.AddRange(History().Validate($"{SectionName}:"));
        if (!(RetryDelaySeconds >= 0) || !(MaxRetryDelaySeconds >= RetryDelaySeconds) || MaxRetryDelaySeconds > 120)
        {
            errors.Add($"{SectionName}:RetryDelaySeconds and MaxRetryDelaySeconds must satisfy 0 <= RetryDelaySeconds <= MaxRetryDelaySeconds <= 120");
        }
        if (!(CallTimeoutSeconds > 0 && CallTimeoutSeconds <= 600))
        {
            errors.Add($"{SectionName}:CallTimeoutSeconds must be between 0 and 600, not {CallTimeoutSeconds}");
        }
        if (!(StreamIdleTimeoutSeconds > 0 && StreamIdleTimeoutSeconds <= StreamTimeoutSeconds && StreamTimeoutSeconds <= 600))
        {
            errors.Add($"{SectionName}:StreamIdleTimeoutSeconds and {SectionName}:StreamTimeoutSeconds must satisfy 0 < StreamIdleTimeoutSeconds <= StreamTimeoutSeconds <= 600");
        }
        if (CircuitBreakerFailures is < 0 or > 1000)
        {
            errors.Add($"{SectionName}:CircuitBreakerFailures must be between 0 (off) and 1000, not {CircuitBreakerFailures}");
        }
        if (!(CircuitBreakerSeconds > 0 && CircuitBreakerSeconds <= 3600))
        {
            errors.Add($"{SectionName}:CircuitBreakerSeconds must be between 0 and 3600, not {CircuitBreakerSeconds}");
        }
        return errors;
    }

    /// <summary>Throws with every problem listed when the options are unusable.</summary>
    public void EnsureValid()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Invalid model configuration: " + string.Join("; ", errors));
        }
    }

    internal static bool IsAzureEndpoint(Uri uri) =>
        uri.Host.EndsWith(".openai.azure.com", StringComparison.OrdinalIgnoreCase)
        || uri.Host.EndsWith(".cognitiveservices.azure.com", StringComparison.OrdinalIgnoreCase)
        || uri.Host.EndsWith(".services.ai.azure.com", StringComparison.OrdinalIgnoreCase)
        // Same API shape behind a proxy or a local test server.
        || uri.AbsolutePath.TrimEnd('/').EndsWith("/openai/v1", StringComparison.OrdinalIgnoreCase);

    private static bool IsHostedService(Uri uri) =>
        uri.Host.Equals("api.openai.com", StringComparison.OrdinalIgnoreCase) || uri.Host.EndsWith(".azure.com", StringComparison.OrdinalIgnoreCase);
}

public static class AuthModes
{
    public const string Key = "key";
    public const string Entra = "entra";
}
