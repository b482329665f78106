using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using RolePlayBot.Bot.Turns;

namespace RolePlayBot.Bot.Tests.DirectLine;

/// <summary>The real host with <see cref="FakeBot"/> as the bot and a clock the test controls.</summary>
public sealed class DirectLineFactory : WebApplicationFactory<Program>
{
    internal ManualTime Time { get; } = new();

    internal FakeBot Bot => Services.GetRequiredService<FakeBot>();

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<FakeBot>();
            services.AddSingleton<IActivityProcessor>(sp => sp.GetRequiredService<FakeBot>());
            services.AddSingleton<TimeProvider>(Time);
        });
}
