using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace RolePlayBot.Bot.Tests.Support;

/// <summary>Starts the bot's host with settings that should stop it, and returns the validation error it stops with.</summary>
internal static class StartFailure
{
    /// <remarks>
    /// WebApplicationFactory now and then loses the start-up error: its deferred host asks the failed host's disposed
    /// services for the lifetime and throws ObjectDisposedException instead (a race in the test harness, not in the
    /// bot; the process-level test in StartupErrorTests sees the real error every time). Such a try is made again.
    /// </remarks>
    public static OptionsValidationException Of(Dictionary<string, string?> settings)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var host = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
                web.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(settings)));
            try
            {
                host.CreateClient().Dispose();
            }
            catch (OptionsValidationException error)
            {
                return error;
            }
            catch (ObjectDisposedException) when (attempt < 5)
            {
                continue;
            }

            Assert.Fail("the host started although its settings are invalid");
        }
    }
}
