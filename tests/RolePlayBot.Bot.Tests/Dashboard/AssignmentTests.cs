using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using RolePlayBot.Storage;
using static RolePlayBot.Bot.Tests.Dashboard.DashboardSeed;

namespace RolePlayBot.Bot.Tests.Dashboard;

/// <summary>The assignments page: a trainer's form creates assignments (with its antiforgery token only), cancelling, a trainee's own list.</summary>
public sealed partial class AssignmentFormTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task A_trainer_assigns_personas_to_trainees_with_the_forms_token_and_sees_them_listed()
    {
        var trainer = await factory.SignedInAsync(Trainer, "张老师");
        var page = await trainer.GetStringAsync("/dashboard/assignments");
        Assert.Contains(NameA, page);
        Assert.Contains("wrong-item", page);

        var created = await trainer.PostAsync("/dashboard/assignments", Form(Token(page),
            ("trainee", TraineeA), ("trainee", TraineeB), ("persona", "wrong-item"), ("persona", "luxury-vip"), ("locale", "zh-CN"),
            ("due", "2030-01-31"), ("passMark", "75")));

        Assert.Equal(HttpStatusCode.SeeOther, created.StatusCode);
        Assert.Equal("/dashboard/assignments", created.Headers.Location!.OriginalString);
        var stored = (await Store.AssignmentsAsync(new AssignmentQuery())).Select(p => p.Assignment).Where(a => a.PassMark == 75).ToList();
        Assert.Equal(4, stored.Count);
        Assert.Single(stored.Select(a => a.BatchId).Distinct());
        Assert.Equal([(TraineeA, "luxury-vip"), (TraineeA, "wrong-item"), (TraineeB, "luxury-vip"), (TraineeB, "wrong-item")],
            stored.Select(a => (a.TraineeId, a.PersonaId)).Order());
        Assert.All(stored, a => Assert.Equal(Trainer, a.CreatedBy));
        Assert.Equal(NameB, stored.First(a => a.TraineeId == TraineeB).TraineeName);

        // Due is the end of 2030-01-31 in China time.
        Assert.All(stored, a => Assert.Equal(new DateTimeOffset(2030, 2, 1, 0, 0, 0, TimeSpan.FromHours(8)), a.DueAt));

        var list = await trainer.GetStringAsync("/dashboard/assignments");
        Assert.Contains("data-persona=\"wrong-item\"", list);
        Assert.Contains("2030-01-31", list);
        Assert.Contains("未开始", list);

        var own = await (await factory.SignedInAsync(TraineeA, NameA)).GetStringAsync("/dashboard/trainees/trainee-a");
        Assert.Contains("我的练习任务", own);
        Assert.Contains("wrong-item", own);
        Assert.DoesNotContain(stored.First(a => a.TraineeId == TraineeB).Id, own);
    }

    [Fact]
    public async Task A_post_without_the_token_or_with_another_browsers_token_creates_nothing()
    {
        var trainer = await factory.SignedInAsync(Trainer, "张老师");
        var otherBrowser = await factory.SignedInAsync(Trainer, "张老师");
        var othersToken = Token(await otherBrowser.GetStringAsync("/dashboard/assignments"));
        await trainer.GetStringAsync("/dashboard/assignments");
        var before = (await Store.AssignmentsAsync(new AssignmentQuery())).Count;

        var fields = new[] { ("trainee", TraineeA), ("persona", "wrong-item"), ("due", "2030-01-31"), ("passMark", "60") };
        Assert.Equal(HttpStatusCode.BadRequest, (await trainer.PostAsync("/dashboard/assignments", Form(null, fields))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await trainer.PostAsync("/dashboard/assignments", Form(othersToken, fields))).StatusCode);

        Assert.Equal(before, (await Store.AssignmentsAsync(new AssignmentQuery())).Count);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_the_reason_and_a_trainer_can_cancel_with_the_token()
    {
        var trainer = await factory.SignedInAsync(Trainer, "张老师");
        var token = Token(await trainer.GetStringAsync("/dashboard/assignments"));

        var unknown = await trainer.PostAsync("/dashboard/assignments", Form(token, ("trainee", TraineeA), ("persona", "../etc"), ("due", "2030-01-31"), ("passMark", "60")));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("未知的顾客角色", await unknown.Content.ReadAsStringAsync());
        var mark = await trainer.PostAsync("/dashboard/assignments", Form(token, ("trainee", TraineeA), ("persona", "wrong-item"), ("due", "2030-01-31"), ("passMark", "101")));
        Assert.Equal(HttpStatusCode.BadRequest, mark.StatusCode);

        var created = await trainer.PostAsync("/dashboard/assignments", Form(token, ("traineeIds", "trainee-new\n"), ("persona", "first-time-buyer"), ("due", "2030-01-31"), ("passMark", "50")));
        Assert.Equal(HttpStatusCode.SeeOther, created.StatusCode);
        var assignment = (await Store.AssignmentsAsync(new AssignmentQuery(TraineeId: "trainee-new"))).Single().Assignment;
        Assert.Equal("trainee-new", assignment.TraineeName);

        var cancelUrl = $"/dashboard/assignments/{assignment.Id}/cancel";
        Assert.Equal(HttpStatusCode.BadRequest, (await trainer.PostAsync(cancelUrl, Form(null))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.SignedInAsync("trainee-new", "新人")).PostAsync(cancelUrl, Form(token))).StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, (await trainer.PostAsync(cancelUrl, Form(token))).StatusCode);
        Assert.NotNull((await Store.AssignmentsAsync(new AssignmentQuery(TraineeId: "trainee-new"))).Single().Assignment.CancelledAt);
    }

    private ITrainingStore Store => factory.Services.GetRequiredService<ITrainingStore>();

    internal static string Token(string page) => WebUtility.HtmlDecode(TokenField().Match(page).Groups[1].Value);

    internal static FormUrlEncodedContent Form(string? token, params (string Name, string Value)[] fields) =>
        new([.. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)), .. token is null ? [] : new[] { new KeyValuePair<string, string>("rpb_csrf", token) }]);

    [GeneratedRegex("name=\"rpb_csrf\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}

/// <summary>Rates from the seeded sessions: its own host, so no other test's assignments count.</summary>
public sealed class AssignmentRateTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task Completion_and_pass_rates_and_statuses_come_from_the_trainees_sessions_since_assigned()
    {
        var store = factory.Services.GetRequiredService<ITrainingStore>();
        var created = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.FromHours(8));
        var due = new DateTimeOffset(2026, 3, 8, 0, 0, 0, TimeSpan.FromHours(8));
        factory.Time.Now = new DateTimeOffset(2026, 3, 20, 0, 0, 0, TimeSpan.Zero);
        AssignmentRecord Assign(string id, string batch, string trainee, string persona) =>
            new(id, batch, trainee, trainee, persona, null, 80, due, created, Trainer);
        await store.CreateAssignmentsAsync(
        [
            Assign("late-a", "b1", TraineeA, Late),    // s-a2 resolved 75: attempted, below the mark → overdue
            Assign("late-b", "b1", TraineeB, Late),    // s-b2 resolved 88 (after the due date): passed
            Assign("late-c", "b1", "trainee-c", Late), // never practised
            Assign("allergy-a", "b2", TraineeA, Allergy), // s-a1 escalated; s-a3 still running
            Assign("allergy-b", "b2", TraineeB, Allergy), // s-b1 escalated
        ]);

        var page = await (await factory.SignedInAsync(Trainer, "张老师")).GetStringAsync("/dashboard/assignments");

        var late = Section(page, "b1");
        Assert.Contains("data-rate=\"completion\">2/3 (67%)", late);
        Assert.Contains("data-rate=\"pass\">1/3 (33%)", late);
        Assert.Contains("data-rate=\"completion\">2/2 (100%)", Section(page, "b2"));
        Assert.Contains("data-rate=\"pass\">0/2 (0%)", Section(page, "b2"));
        var overall = page[..page.IndexOf("data-batch=", StringComparison.Ordinal)];
        Assert.Contains("data-rate=\"completion\">4/5 (80%)", overall);
        Assert.Contains("data-rate=\"pass\">1/5 (20%)", overall);
        Assert.Contains("已通过", Row(page, "late-b"));
        Assert.Contains("已逾期", Row(page, "late-a"));
        Assert.Contains("已逾期", Row(page, "late-c"));
        Assert.Contains("<td class=\"num\">88</td>", Row(page, "late-b"));

        factory.Time.Now = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
        var early = await (await factory.SignedInAsync(Trainer, "张老师")).GetStringAsync("/dashboard/assignments");
        Assert.Contains("未开始", Row(early, "late-c"));
        Assert.Contains("已练习", Row(early, "late-a"));
    }

    private static string Section(string page, string batch)
    {
        var start = page.IndexOf($"data-batch=\"{batch}\"", StringComparison.Ordinal);
        var end = page.IndexOf("</section>", start, StringComparison.Ordinal);
        return page[start..end];
    }

    private static string Row(string page, string id)
    {
        var start = page.IndexOf($"data-assignment=\"{id}\"", StringComparison.Ordinal);
        return page[start..page.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }
}
