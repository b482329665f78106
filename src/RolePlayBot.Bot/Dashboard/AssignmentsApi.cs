using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Antiforgery;
using RolePlayBot.Bot.Dashboard.Auth;
using RolePlayBot.Bot.Dashboard.Data;
using RolePlayBot.Bot.Dashboard.Pages;
using RolePlayBot.Storage;

namespace RolePlayBot.Bot.Dashboard;

/// <summary>
/// <c>/dashboard/assignments</c>: trainers only (anyone else 403, after <see cref="DashboardApi"/>'s 401 for anonymous).
/// The POSTs carry an ASP.NET Core antiforgery token (hidden field + cookie) and are refused with 400 without it, so
/// another site cannot make a signed-in trainer's browser assign or cancel anything.
/// </summary>
internal static partial class AssignmentsApi
{
    private const int MaxIds = 200;

    public static async Task<IResult> PageAsync(HttpContext context, DashboardViewer viewer, DashboardReader reader)
    {
        if (!viewer.IsTrainer)
        {
            return DashboardApi.Page(SignInPages.Forbidden(viewer), StatusCodes.Status403Forbidden);
        }

        return await RenderAsync(context, viewer, reader, null, StatusCodes.Status200OK);
    }

    public static async Task<IResult> AssignAsync(HttpContext context, DashboardViewer viewer, DashboardReader reader)
    {
        if (await RefuseAsync(context, viewer) is { } refusal)
        {
            return refusal;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var catalog = DashboardApi.Personas(context, []);
        var personas = form["persona"].Select(p => p?.Trim() ?? "").Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var traineeIds = form["trainee"].Concat((form["traineeIds"].ToString() ?? "").Split('\n'))
            .Select(t => t?.Trim() ?? "").Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var locale = form["locale"].ToString() is { Length: > 0 } l ? l : null;
        var error = (personas, traineeIds) switch
        {
            _ when personas.Count == 0 => "请至少选一位顾客角色。 Pick at least one persona.",
            _ when traineeIds.Count == 0 => "请至少选一位学员。 Pick at least one trainee.",
            _ when personas.Count * traineeIds.Count > MaxIds => $"一次最多布置 {MaxIds} 项。 At most {MaxIds} assignments at once.",
            _ when personas.Any(p => !PersonaId().IsMatch(p) || !catalog.Contains(p, StringComparer.Ordinal)) => "有未知的顾客角色。 Unknown persona.",
            _ when traineeIds.Any(t => t.Length > 200) => "学员编号太长。 Trainee id too long.",
            _ when locale is not (null or "zh-CN" or "en") => "语言只能是中文或英文。 The language must be zh-CN or en.",
            _ when !DateOnly.TryParseExact(form["due"].ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) => "请填写截止日期。 Give a due date.",
            _ when !int.TryParse(form["passMark"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var mark) || mark > 100 => "及格线须为 0–100。 The pass mark must be 0–100.",
            _ => null,
        };
        if (error is not null)
        {
            return await RenderAsync(context, viewer, reader, error, StatusCodes.Status400BadRequest);
        }

        var due = DateOnly.ParseExact(form["due"].ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var passMark = int.Parse(form["passMark"].ToString(), CultureInfo.InvariantCulture);
        var now = Now(context);
        var names = (await reader.TraineesAsync(viewer, context.RequestAborted)).ToDictionary(t => t.TraineeId, t => t.Name, StringComparer.Ordinal);
        var batch = NewId();
        var assignments = traineeIds.SelectMany(trainee => personas.Select(persona => new AssignmentRecord(
            NewId(), batch, trainee, names.GetValueOrDefault(trainee, trainee), persona, locale, passMark,
            reader.Clock.StartOf(due.AddDays(1)), now, viewer.UserId))).ToList();
        await Store(context).CreateAssignmentsAsync(assignments, context.RequestAborted);
        return SeeOther(AssignmentsPage.Path);
    }

    public static async Task<IResult> CancelAsync(HttpContext context, DashboardViewer viewer, DashboardReader reader)
    {
        if (await RefuseAsync(context, viewer) is { } refusal)
        {
            return refusal;
        }

        var id = (string)context.GetRouteValue("assignmentId")!;
        return await Store(context).CancelAssignmentAsync(id, context.RequestAborted)
            ? SeeOther(AssignmentsPage.Path)
            : DashboardApi.Page(SignInPages.NotFound(viewer), StatusCodes.Status404NotFound);
    }

    /// <summary>403 for a non-trainer, 400 for a missing or wrong antiforgery token; null when the POST may proceed.</summary>
    private static async Task<IResult?> RefuseAsync(HttpContext context, DashboardViewer viewer)
    {
        if (!viewer.IsTrainer)
        {
            return DashboardApi.Page(SignInPages.Forbidden(viewer), StatusCodes.Status403Forbidden);
        }

        var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
        return await antiforgery.IsRequestValidAsync(context)
            ? null
            : DashboardApi.Page(
                Layout.Message("表单已失效 Form expired", viewer, Html.Of($"""<p>{Layout.L("这个表单已失效或不是从本站提交的。请刷新任务页后重试。", "This form is out of date or was not sent from this site. Reload the assignments page and try again.")}</p>""")),
                StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> RenderAsync(HttpContext context, DashboardViewer viewer, DashboardReader reader, string? error, int status)
    {
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        var assignments = await reader.AssignmentsAsync(viewer, null, context.RequestAborted);
        var trainees = await reader.TraineesAsync(viewer, context.RequestAborted);
        var html = AssignmentsPage.Render(
            viewer, assignments, trainees, DashboardApi.Personas(context, []), tokens.FormFieldName, tokens.RequestToken!, reader.Clock, Now(context), error);
        return DashboardApi.Page(html, status);
    }

    private static IResult SeeOther(string path) => new SeeOtherResult(path);

    private static ITrainingStore Store(HttpContext context) => context.RequestServices.GetRequiredService<ITrainingStore>();

    private static DateTimeOffset Now(HttpContext context) => context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();

    private static string NewId() => Guid.NewGuid().ToString("N");

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$")]
    private static partial Regex PersonaId();

    /// <summary>303: after a POST, the browser GETs the list (a reload does not post again).</summary>
    private sealed class SeeOtherResult(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = location;
            DashboardApi.NoStore(httpContext.Response);
            return Task.CompletedTask;
        }
    }
}
