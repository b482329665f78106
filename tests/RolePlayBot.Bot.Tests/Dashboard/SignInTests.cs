using System.Buffers.Text;
using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RolePlayBot.Bot.Dashboard;
using RolePlayBot.Bot.Dashboard.Auth;
using static RolePlayBot.Bot.Tests.Dashboard.DashboardSeed;

namespace RolePlayBot.Bot.Tests.Dashboard;

/// <summary>One-time sign-in links: used once, within their time, only as signed; the cookie they set; signing out.</summary>
public sealed class SignInTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task A_link_shows_who_it_is_for_then_signs_in_once_and_lands_on_its_return_path()
    {
        var client = factory.Anonymous();
        var link = factory.Links.CreateSignInLink(TraineeA, NameA, factory.Links.TraineePath(TraineeA));
        Assert.StartsWith("/dashboard/signin?token=", link);

        // Opening the link (as a link preview would) does not use it up.
        for (var i = 0; i < 2; i++)
        {
            var confirm = await client.GetAsync(link);
            Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
            Assert.Contains(NameA, await confirm.Content.ReadAsStringAsync());
        }

        var signIn = await client.PostAsync("/dashboard/signin", DashboardFactory.SignInForm(link));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/dashboard/trainees/trainee-a", signIn.Headers.Location!.OriginalString);
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith(DashboardAuth.CookieName + "=", cookie);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/dashboard", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/dashboard/trainees/trainee-a")).StatusCode);

        var again = await factory.Anonymous().PostAsync("/dashboard/signin", DashboardFactory.SignInForm(link));
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        Assert.Contains("已经用过", await again.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.Anonymous().GetAsync(link)).StatusCode);
    }

    [Fact]
    public async Task An_expired_link_is_refused()
    {
        var link = factory.Links.CreateSignInLink(Trainer, "张老师");
        factory.Time.Now += TimeSpan.FromMinutes(11);
        try
        {
            var client = factory.Anonymous();
            var page = await client.GetAsync(link);
            Assert.Equal(HttpStatusCode.Unauthorized, page.StatusCode);
            Assert.Contains("已过期", await page.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/dashboard/signin", DashboardFactory.SignInForm(link))).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/dashboard/team")).StatusCode);
        }
        finally
        {
            factory.Time.Now -= TimeSpan.FromMinutes(11);
        }
    }

    [Fact]
    public async Task Forged_links_are_refused()
    {
        var link = factory.Links.CreateSignInLink(TraineeA, NameA);
        var token = Uri.UnescapeDataString(link[(link.IndexOf('=') + 1)..]);
        var signature = token.Split('.')[1];

        // Trainee A's signature on a payload that says "trainer".
        var payload = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token.Split('.')[0])).Replace(TraineeA, Trainer, StringComparison.Ordinal);
        var promoted = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload)) + "." + signature;

        // A well-formed link signed with another key (another bot, or a guessed one).
        var otherKey = new DashboardLinks(Options.Create(new DashboardOptions { SigningKey = new string('k', 40) }), factory.Time, NullLogger<DashboardLinks>.Instance);
        var foreign = Uri.UnescapeDataString(otherKey.CreateSignInLink(Trainer, "张老师").Split("token=")[1]);

        foreach (var forged in new[] { promoted, foreign, "not-a-token", token + "x", "", "." })
        {
            var client = factory.Anonymous();
            var response = await client.PostAsync("/dashboard/signin", new FormUrlEncodedContent([new("token", forged)]));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.False(response.Headers.Contains("Set-Cookie"));
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/dashboard/team")).StatusCode);
        }
    }

    [Theory]
    [InlineData("https://evil.example/steal", "/dashboard")]
    [InlineData("//evil.example", "/dashboard")]
    [InlineData("/dashboard/../api/messages", "/dashboard")]
    [InlineData("/dashboardx", "/dashboard")]
    [InlineData("/dashboard/sessions/s-a1", "/dashboard/sessions/s-a1")]
    public async Task A_link_only_ever_returns_into_the_dashboard(string returnPath, string expected)
    {
        var client = factory.Anonymous();
        var link = factory.Links.CreateSignInLink(TraineeA, NameA, returnPath);
        var signIn = await client.PostAsync("/dashboard/signin", DashboardFactory.SignInForm(link));
        Assert.Equal(expected, signIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Over_https_the_cookie_is_secure()
    {
        var client = factory.Anonymous("https://localhost");
        var link = factory.Links.CreateSignInLink(TraineeA, NameA);
        var signIn = await client.PostAsync("/dashboard/signin", DashboardFactory.SignInForm(link));
        Assert.Contains("secure", Assert.Single(signIn.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Signing_out_ends_access()
    {
        var client = await factory.SignedInAsync(Trainer, "张老师");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/dashboard/team")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/dashboard/signout", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/dashboard/team")).StatusCode);
    }

    [Fact]
    public async Task The_sign_in_lasts_as_configured_then_ends()
    {
        var client = await factory.SignedInAsync(Trainer, "张老师");
        factory.Time.Now += TimeSpan.FromHours(9);
        try
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/dashboard/team")).StatusCode);
        }
        finally
        {
            factory.Time.Now -= TimeSpan.FromHours(9);
        }
    }
}
