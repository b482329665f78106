using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static RolePlayBot.Bot.Tests.Dashboard.DashboardSeed;

namespace RolePlayBot.Bot.Tests.Dashboard;

/// <summary>Every dashboard address as anonymous, trainee A, trainee B and a trainer: nobody reads another trainee's sessions.</summary>
public sealed class AuthorizationTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private const int Ok = 200, Redirect = 302, BadRequest = 400, Unauthorized = 401, Forbidden = 403, NotFound = 404;

    /// <summary>Path, then the status for anonymous, trainee A, trainee B, trainer.</summary>
    public static TheoryData<string, int, int, int, int> Routes => new()
    {
        { "/dashboard", Unauthorized, Redirect, Redirect, Ok },
        { "/dashboard/team", Unauthorized, Forbidden, Forbidden, Ok },
        { "/dashboard/team?trainee=trainee-a", Unauthorized, Forbidden, Forbidden, Ok },
        { "/dashboard/trainees/trainee-a", Unauthorized, Ok, Forbidden, Ok },
        { "/dashboard/trainees/trainee-b", Unauthorized, Forbidden, Ok, Ok },
        { "/dashboard/trainees/trainee-b?trainee=trainee-a", Unauthorized, Forbidden, Ok, Ok },
        { "/dashboard/sessions", Unauthorized, Ok, Ok, Ok },
        { "/dashboard/sessions?trainee=trainee-a", Unauthorized, Ok, Forbidden, Ok },
        { "/dashboard/sessions?trainee=trainee-b", Unauthorized, Forbidden, Ok, Ok },
        { "/dashboard/sessions/s-a1", Unauthorized, Ok, Forbidden, Ok },
        { "/dashboard/sessions/s-b1", Unauthorized, Forbidden, Ok, Ok },
        { "/dashboard/sessions/no-such-session", Unauthorized, NotFound, NotFound, NotFound },
        { "/dashboard/sessions/s-a1/transcript.md", Unauthorized, Ok, Forbidden, Ok },
        { "/dashboard/sessions/s-b1/transcript.md", Unauthorized, Forbidden, Ok, Ok },
        { "/dashboard/export/sessions.csv", Unauthorized, Ok, Ok, Ok },
        { "/dashboard/export/sessions.csv?trainee=trainee-b", Unauthorized, Forbidden, Ok, Ok },
        { "/dashboard/export/sessions.json", Unauthorized, Ok, Ok, Ok },
        { "/dashboard/export/sessions.json?trainee=trainee-a", Unauthorized, Ok, Forbidden, Ok },
        { "/dashboard/assignments", Unauthorized, Forbidden, Forbidden, Ok },
    };

    /// <summary>The POSTs, without an antiforgery token: only a trainer gets as far as the token check (400).</summary>
    public static TheoryData<string, int, int, int, int> PostRoutes => new()
    {
        { "/dashboard/assignments", Unauthorized, Forbidden, Forbidden, BadRequest },
        { "/dashboard/assignments/no-such/cancel", Unauthorized, Forbidden, Forbidden, BadRequest },
    };

    [Theory]
    [MemberData(nameof(PostRoutes))]
    public async Task Each_form_address_answers_each_role_as_designed(string path, int anonymous, int traineeA, int traineeB, int trainer)
    {
        static FormUrlEncodedContent Form() => new([new("persona", "allergy-complaint"), new("trainee", "trainee-a"), new("due", "2026-12-01"), new("passMark", "70")]);
        Assert.Equal(anonymous, (int)(await factory.Anonymous().PostAsync(path, Form())).StatusCode);
        Assert.Equal(traineeA, (int)(await (await factory.SignedInAsync(TraineeA, NameA)).PostAsync(path, Form())).StatusCode);
        Assert.Equal(traineeB, (int)(await (await factory.SignedInAsync(TraineeB, NameB)).PostAsync(path, Form())).StatusCode);
        Assert.Equal(trainer, (int)(await (await factory.SignedInAsync(Trainer, "张老师")).PostAsync(path, Form())).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Each_address_answers_each_role_as_designed(string path, int anonymous, int traineeA, int traineeB, int trainer)
    {
        Assert.Equal(anonymous, (int)(await factory.Anonymous().GetAsync(path)).StatusCode);
        Assert.Equal(traineeA, (int)(await (await factory.SignedInAsync(TraineeA, NameA)).GetAsync(path)).StatusCode);
        Assert.Equal(traineeB, (int)(await (await factory.SignedInAsync(TraineeB, NameB)).GetAsync(path)).StatusCode);
        Assert.Equal(trainer, (int)(await (await factory.SignedInAsync(Trainer, "张老师")).GetAsync(path)).StatusCode);
    }

    [Fact]
    public void Every_dashboard_route_is_in_the_table()
    {
        var tested = Routes.Concat(PostRoutes).Select(r => Template((string)r[0])).ToHashSet();
        var mapped = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.Trim('/'))
            .Where(p => p.StartsWith("/dashboard", StringComparison.Ordinal) && !p.StartsWith("/dashboard/sign", StringComparison.Ordinal))
            .ToHashSet();
        Assert.NotEmpty(mapped);
        Assert.Empty(mapped.Except(tested));

        static string Template(string path) => path.Split('?')[0]
            .Replace("trainee-a", "{traineeId}", StringComparison.Ordinal).Replace("trainee-b", "{traineeId}", StringComparison.Ordinal)
            .Replace("/sessions/s-a1", "/sessions/{sessionId}", StringComparison.Ordinal).Replace("/sessions/s-b1", "/sessions/{sessionId}", StringComparison.Ordinal)
            .Replace("/sessions/no-such-session", "/sessions/{sessionId}", StringComparison.Ordinal)
            .Replace("/assignments/no-such/", "/assignments/{assignmentId}/", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_visitors_get_the_sign_in_explanation_and_a_trainee_lands_on_their_own_page()
    {
        var anonymous = await factory.Anonymous().GetAsync("/dashboard/team");
        Assert.Contains("请先登录", await anonymous.Content.ReadAsStringAsync());
        Assert.Equal("text/html", anonymous.Content.Headers.ContentType!.MediaType);

        var home = await (await factory.SignedInAsync(TraineeA, NameA)).GetAsync("/dashboard");
        Assert.Equal("/dashboard/trainees/trainee-a", home.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_trainee_sees_only_their_own_sessions_in_lists_and_exports()
    {
        var a = await factory.SignedInAsync(TraineeA, NameA);
        foreach (var path in new[] { "/dashboard/sessions", "/dashboard/export/sessions.csv", "/dashboard/export/sessions.json", "/dashboard/trainees/trainee-a" })
        {
            var body = await a.GetStringAsync(path);
            Assert.Contains("s-a1", body.Replace("%2D", "-", StringComparison.Ordinal));
            Assert.DoesNotContain("s-b1", body);
            Assert.DoesNotContain("s-b2", body);
            Assert.DoesNotContain(NameB, body);
        }
    }

    [Fact]
    public async Task A_signed_in_user_who_is_not_a_configured_trainer_is_only_a_trainee()
    {
        var stranger = await factory.SignedInAsync("someone-else", "路人");
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync("/dashboard/team")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync("/dashboard/sessions/s-a1")).StatusCode);
        Assert.DoesNotContain("s-a1", await stranger.GetStringAsync("/dashboard/export/sessions.csv"));
    }
}
