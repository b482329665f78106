namespace RolePlayBot.Llm.Tests;

public sealed class LlmOptionsTests
{
    [Fact]
    public void An_empty_endpoint_means_offline_and_is_valid()
    {
        var options = new LlmOptions();

        Assert.False(options.IsConfigured);
        Assert.Empty(options.Validate());
        Assert.Equal(30, options.TimeoutSeconds);
        Assert.Equal(2, options.MaxRetries);
        Assert.Equal("Llm", LlmOptions.SectionName);
    }

    [Theory]
    [InlineData("not a url", "test", "key", "key", "not an absolute http(s) URL")]
    [InlineData("https://x.openai.azure.com/openai/v1/", null, "key", "key", "Model is required")]
    [InlineData("https://x.openai.azure.com/openai/v1/", "gpt", "password", "key", "Auth must be 'key' or 'entra'")]
    [InlineData("https://api.openai.com/v1/", "gpt", "entra", null, "works only with an Azure OpenAI endpoint")]
    [InlineData("https://api.openai.com/v1/", "gpt", "key", null, "ApiKey is required for api.openai.com")]
    public void Invalid_options_are_explained(string endpoint, string? model, string auth, string? key, string expected)
    {
        var options = new LlmOptions { Endpoint = endpoint, Model = model, Auth = auth, ApiKey = key };

        Assert.Contains(options.Validate(), e => e.Contains(expected, StringComparison.Ordinal));
        var error = Assert.Throws<InvalidOperationException>(() => ChatClientFactory.Create(options));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(30, -1)]
    public void Timeouts_and_retries_are_range_checked(double timeout, int retries)
    {
        var options = new LlmOptions { Endpoint = "http://localhost:11434/v1", Model = "qwen2.5", TimeoutSeconds = timeout, MaxRetries = retries };

        Assert.NotEmpty(options.Validate());
    }

    [Fact]
    public void A_local_server_needs_no_key()
    {
        var options = new LlmOptions { Endpoint = "http://localhost:11434/v1", Model = "qwen2.5" };

        Assert.Empty(options.Validate());
        Assert.False(options.IsAzure);
        using var client = ChatClientFactory.Create(options);
        Assert.NotNull(client);
    }

    [Fact]
    public void Azure_endpoints_are_recognised()
    {
        Assert.True(new LlmOptions { Endpoint = "https://res.openai.azure.com/openai/v1/" }.IsAzure);
        Assert.True(new LlmOptions { Endpoint = "https://res.cognitiveservices.azure.com/openai/v1/" }.IsAzure);
        Assert.False(new LlmOptions { Endpoint = "https://api.openai.com/v1" }.IsAzure);
    }
}
