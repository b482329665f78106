using System.Collections.Concurrent;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RolePlayBot.Bot.Tests.BotFramework;

public sealed class StartupWarningTests
{
    [Fact]
    public void Without_an_app_id_the_host_warns_that_authentication_is_off()
    {
        var logs = new CapturingLoggerProvider();
        using var host = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(logs)));

        _ = host.Services;

        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("authentication is OFF") && e.Message.Contains("Emulator only"));
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider, ILogger
    {
        public ConcurrentQueue<(LogLevel Level, string Message)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Enqueue((logLevel, formatter(state, exception)));

        public void Dispose()
        {
        }
    }
}
