namespace RolePlayBot.Llm.Tests.Resilience;

public sealed class ResilienceOptionsTests
{
    [Fact]
    public void The_defaults_are_valid_and_bound_a_turn()
    {
        var options = new LlmOptions { Endpoint = "http://localhost:11434/v1", Model = "qwen2.5" };

        Assert.Empty(options.Validate());
        Assert.Equal(45, options.CallTimeoutSeconds);
        Assert.Equal(15, options.StreamIdleTimeoutSeconds);
        Assert.Equal(90, options.StreamTimeoutSeconds);
        Assert.Equal(5, options.CircuitBreakerFailures);
        Assert.Equal(30, options.CircuitBreakerSeconds);
    }

    [Theory]
    [InlineData("CallTimeoutSeconds", 0, "CallTimeoutSeconds must be between 0 and 600")]
    [InlineData("CallTimeoutSeconds", 601, "CallTimeoutSeconds must be between 0 and 600")]
    [InlineData("StreamIdleTimeoutSeconds", 0, "StreamIdleTimeoutSeconds and Llm:StreamTimeoutSeconds")]
    [InlineData("StreamIdleTimeoutSeconds", 120, "StreamIdleTimeoutSeconds and Llm:StreamTimeoutSeconds")]
    [InlineData("StreamTimeoutSeconds", 700, "StreamIdleTimeoutSeconds and Llm:StreamTimeoutSeconds")]
    [InlineData("CircuitBreakerFailures", -1, "CircuitBreakerFailures must be between 0 (off) and 1000")]
    [InlineData("CircuitBreakerSeconds", 0, "CircuitBreakerSeconds must be between 0 and 3600")]
    public void Out_of_range_settings_are_explained_and_refused_at_start(string setting, double value, string expected)
    {
        var options = new LlmOptions { Endpoint = "http://localhost:11434/v1", Model = "qwen2.5" };
        var property = typeof(LlmOptions).GetProperty(setting)!;
        property.SetValue(options, property.PropertyType == typeof(int) ? (object)(int)value : value);

        Assert.Contains(options.Validate(), e => e.Contains(expected, StringComparison.Ordinal));
        var error = Assert.Throws<InvalidOperationException>(() => ChatClientFactory.Create(options));
        Assert.Contains("Llm:" + setting, error.Message, StringComparison.Ordinal);
    }
}
