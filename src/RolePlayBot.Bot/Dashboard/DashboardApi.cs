using System.Text;
using Microsoft.Extensions.Options;
using RolePlayBot.Bot.Dashboard.Auth;
using RolePlayBot.Bot.Dashboard.Data;
using RolePlayBot.Bot.Dashboard.Exports;
using RolePlayBot.Bot.Dashboard.Pages;
using RolePlayBot.Core.Personas;
using RolePlayBot.Storage;

namespace RolePlayBot.Bot.Dashboard;

/// <summary>
/// The dashboard's addresses. Every one but sign-in and sign-out goes through <see cref="Guarded"/>: anonymous → 401
/// with the how-to-sign-in page; then each endpoint checks the viewer may see what was asked (403 otherwise) before
/// reading, and <see cref="DashboardReader"/> limits non-trainers to their own sessions again.
/// </summary>
public static class DashboardApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/dashboard");
        group.MapGet("", Guarded(HomeAsync));
        group.MapGet("/trainees/{traineeId}", Guarded(TraineeAsync));
        group.MapGet("/team", Guarded(TeamAsync));
        group.MapGet("/sessions", Guarded(SessionsAsync));
        group.MapGet("/sessions/{sessionId}", Guarded(SessionAsync));
        group.MapGet("/sessions/{sessionId}/transcript.md", Guarded(TranscriptAsync));
        group.MapGet("/export/sessions.csv", Guarded(CsvAsync));
        group.MapGet("/export/sessions.json", Guarded(JsonAsync));
        group.MapGet("/assignments", Guarded(AssignmentsApi.PageAsync));
        group.MapPost("/assignments", Guarded(AssignmentsApi.AssignAsync));
        group.MapPost("/assignments/{assignmentId}/cancel", Guarded(AssignmentsApi.CancelAsync));
        group.MapGet("/signin", SignInApi.ConfirmPageAsync);
        group.MapPost("/signin", SignInApi.SignInAsync);
        group.MapPost("/signout", (Delegate)SignInApi.SignOutAsync);
    }

    internal delegate Task<IResult> Handler(HttpContext context, DashboardViewer viewer, DashboardReader reader);

    private static RequestDelegate Guarded(Handler handler) => async context =>
    {
        IResult result;
        var viewer = await DashboardAuth.ViewerAsync(context);
        var store = context.RequestServices.GetService<ITrainingStore>();
        if (viewer is null)
        {
            result = Page(SignInPages.HowToSignIn(), StatusCodes.Status401Unauthorized);
        }
        else if (store is null)
        {
            result = Page(SignInPages.NoStore(), StatusCodes.Status503ServiceUnavailable);
        }
        else
        {
            var options = context.RequestServices.GetRequiredService<IOptionsMonitor<DashboardOptions>>().CurrentValue;
            result = await handler(context, viewer, new DashboardReader(store, DashboardClock.For(options.TimeZone)));
        }

        await result.ExecuteAsync(context);
    };

    private static async Task<IResult> HomeAsync(HttpContext context, DashboardViewer viewer, DashboardReader reader)
    {
        if (!viewer.IsTrainer)
        {
            return Results.Redirect(Parts.TraineePath(viewer.UserId));
        }

        var trainees = await reader.TraineesAsync(viewer, context.RequestAborted);
        var sessions = await reader.SessionsAsync(viewer, new SessionFilter(null, null, null, null), context.RequestAborted);
        return Page(TraineesPage.Render(viewer, trainees, sessions, reader.Clock));
    }

    private static async Task<IResult> TraineeAsync(HttpContext context, DashboardViewer viewer, DashboardReader reader)
    {
        var traineeId = (string)context.GetRouteValue("traineeId")!;
        if (!viewer.MaySee(traineeId))
        {
            return Page(SignInPages.Forbidden(viewer), StatusCodes.Status403Forbidden);
        }

        var filter = SessionFilter.Parse(context.Request.Query).WithTrainee(traineeId);
        var sessions = await reader.SessionsAsync(viewer, filter, context.RequestAborted);
        var turns = await reader.TurnsAsync(sessions, context.RequestAborted);
        var assignments = await reader.AssignmentsAsync(viewer, traineeId, context.RequestAborted);
        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        return Page(TraineePage.Render(
            viewer, traineeId, sessions, turns, filter, Personas(context, sessions), reader.Clock, AssignmentsPage.ForTrainee(assignments, reader.Clock, now)));
    }

    private static async Task<IResult> TeamAsync(HttpContext context, DashboardViewer viewer, DashboardReader reader)
    {
        if (!viewer.IsTrainer)
        {
            return Page(SignInPages.Forbidden(viewer), StatusCodes.Status403Forbidden);
        }

        var filter = SessionFilter.Parse(context.Request.Query);
        var sessions = await reader.SessionsAsync(viewer, filter, context.RequestAborted);
        var turns = await reader.TurnsAsync(sessions, context.RequestAborted);
        var trainees = await reader.TraineesAsync(viewer, context.RequestAborted);
        return Page(TeamPage.Render(viewer, sessions, turns, filter, Personas(context, sessions), trainees));
    }

    private static async Task<IResult> SessionsAsync(HttpContext context, DashboardViewer viewer, DashboardReader reader)
    {
        if (!Allowed(viewer, context, out var filter))
        {
            return Page(SignInPages.Forbidden(viewer), StatusCodes.Status403Forbidden);
        }

        var sessions = await reader.SessionsAsync(viewer, filter, context.RequestAborted);
        var trainees = await reader.TraineesAsync(viewer, context.RequestAborted);
        return Page(SessionsPage.Render(viewer, sessions, filter, Personas(context, sessions), trainees, reader.Clock));
    }

    private static async Task<IResult> SessionAsync(HttpContext context, DashboardViewer viewer, DashboardReader reader)
    {
        var sessionId = (string)context.GetRouteValue("sessionId")!;
        var (access, session) = await reader.SessionAsync(viewer, sessionId, context.RequestAborted);
        if (session is null)
        {
            return Refusal(viewer, access);
        }

        var turns = await reader.TurnsAsync(session, context.RequestAborted);
        return Page(SessionPage.Render(viewer, session, turns, reader.Clock));
    }

    private static async Task<IResult> TranscriptAsync(HttpContext context, DashboardViewer viewer, DashboardReader reader)
    {
        var sessionId = (string)context.GetRouteValue("sessionId")!;
        var (access, session) = await reader.SessionAsync(viewer, sessionId, context.RequestAborted);
        if (session is null)
        {
            return Refusal(viewer, access);
        }

        var turns = await reader.TurnsAsync(session, context.RequestAborted);
        var markdown = TranscriptMarkdown.Write(session, turns, reader.Clock);
        return Download(Encoding.UTF8.GetBytes(markdown), "text/markdown; charset=utf-8", $"transcript-{session.StartedAt:yyyyMMdd-HHmm}-{session.PersonaId}.md", context);
    }

    private static async Task<IResult> CsvAsync(HttpContext context, DashboardViewer viewer, DashboardReader reader)
    {
        if (!Allowed(viewer, context, out var filter))
        {
            return Page(SignInPages.Forbidden(viewer), StatusCodes.Status403Forbidden);
        }

        var sessions = await reader.SessionsAsync(viewer, filter, context.RequestAborted);
        return Download(SessionsCsv.Write(sessions, reader.Clock), "text/csv; charset=utf-8", "sessions.csv", context);
    }

    private static async Task<IResult> JsonAsync(HttpContext context, DashboardViewer viewer, DashboardReader reader)
    {
        if (!Allowed(viewer, context, out var filter))
        {
            return Page(SignInPages.Forbidden(viewer), StatusCodes.Status403Forbidden);
        }

        var sessions = await reader.SessionsAsync(viewer, filter, context.RequestAborted);
        return Download(SessionsJson.Write(sessions), "application/json; charset=utf-8", "sessions.json", context);
    }

    /// <summary>Trainers may filter by any trainee; anyone else only by themselves (or not at all, meaning themselves).</summary>
    private static bool Allowed(DashboardViewer viewer, HttpContext context, out SessionFilter filter)
    {
        filter = SessionFilter.Parse(context.Request.Query);
        return viewer.IsTrainer || filter.Trainee is null || filter.Trainee == viewer.UserId;
    }

    private static IResult Refusal(DashboardViewer viewer, SessionAccess access) => access == SessionAccess.Forbidden
        ? Page(SignInPages.Forbidden(viewer), StatusCodes.Status403Forbidden)
        : Page(SignInPages.NotFound(viewer), StatusCodes.Status404NotFound);

    internal static IReadOnlyList<string> Personas(HttpContext context, IEnumerable<SessionRecord> sessions)
    {
        var catalog = context.RequestServices.GetService<PersonaCatalog>();
        return (catalog?.Ids ?? []).Concat(sessions.Select(s => s.PersonaId)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    internal static IResult Page(Html html, int status = StatusCodes.Status200OK) => new HtmlResult(html, status);

    private static IResult Download(byte[] content, string contentType, string fileName, HttpContext context)
    {
        NoStore(context.Response);
        return Results.File(content, contentType, fileName);
    }

    internal static void NoStore(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
    }

    /// <summary>HTML with the headers every dashboard page wants: not cached (it is personal), no scripts, not framed.</summary>
    private sealed class HtmlResult(Html html, int status) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = status;
            response.ContentType = "text/html; charset=utf-8";
            NoStore(response);
            response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
            response.Headers["Referrer-Policy"] = "no-referrer";
            return response.WriteAsync(html.ToString(), httpContext.RequestAborted);
        }
    }
}
