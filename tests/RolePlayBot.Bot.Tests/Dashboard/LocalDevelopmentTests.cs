using System.Net;
using RolePlayBot.Bot.Tests.Browser;

namespace RolePlayBot.Bot.Tests.Dashboard;

/// <summary>Dashboard:LocalDevelopment lets this machine in without signing in — only this machine, only when on.</summary>
public sealed class LocalDevelopmentTests
{
    [Fact]
    public async Task On_loopback_with_local_development_anonymous_requests_act_as_a_trainer()
    {
        await using var factory = new DashboardFactory { LocalDevelopment = true };
        await ((IAsyncLifetime)factory).InitializeAsync();
        using var http = new HttpClient { BaseAddress = factory.StartOnLoopback() };

        var team = await http.GetAsync("/dashboard/team");
        Assert.Equal(HttpStatusCode.OK, team.StatusCode);
        Assert.Contains("本机开发", await team.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/dashboard/sessions/s-b1")).StatusCode);

        // Relayed by a proxy on the same machine: not local.
        using var proxied = new HttpRequestMessage(HttpMethod.Get, "/dashboard/team");
        proxied.Headers.Add("X-Forwarded-For", "203.0.113.9");
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(proxied)).StatusCode);
    }

    [Fact]
    public async Task Without_local_development_loopback_gets_no_pass()
    {
        await using var factory = new DashboardFactory { LocalDevelopment = false };
        await ((IAsyncLifetime)factory).InitializeAsync();
        using var http = new HttpClient { BaseAddress = factory.StartOnLoopback() };
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/dashboard/team")).StatusCode);
    }

    [Fact]
    public async Task With_local_development_a_request_of_unknown_origin_gets_no_pass()
    {
        // TestServer gives no remote address: it is not known to be this machine.
        await using var factory = new DashboardFactory { LocalDevelopment = true };
        await ((IAsyncLifetime)factory).InitializeAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.Anonymous().GetAsync("/dashboard/team")).StatusCode);
    }
}
