using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using RolePlayBot.Bot.Protocol;
using RolePlayBot.Bot.Tests.Dashboard;
using RolePlayBot.Storage;

namespace RolePlayBot.Bot.Tests.Conversations;

/// <summary>Assignments in the chat: the list with start buttons, the welcome's mention, the scorecard's verdict; and the dashboard link command.</summary>
public sealed class AssignmentChatTests
{
    [Fact]
    public async Task The_assignments_card_lists_only_the_senders_open_ones_and_starts_from_its_button()
    {
        using var chat = NewChat();
        await AssignAsync(chat,
            Assignment(chat.UserId, "wrong-item", null, passMark: 70),
            Assignment(chat.UserId, "allergy-complaint", "en", passMark: 80),
            Assignment(chat.UserId, "luxury-vip", null, id: "cancelled-one"),
            Assignment("someone-else", "first-time-buyer", null));
        await Store(chat).CancelAssignmentAsync("cancelled-one");

        var replies = await chat.SayAsync("我的任务");

        var card = Assert.Single(Sent.Cards(replies));
        var starts = Sent.Submits(card).Where(d => d.GetProperty("rpb").GetString() == "start").ToList();
        Assert.Equal(["allergy-complaint", "wrong-item"], starts.Select(d => d.GetProperty("persona").GetString()).Order());
        Assert.Equal("en", starts.Single(d => d.GetProperty("persona").GetString() == "allergy-complaint").GetProperty("locale").GetString());
        Assert.Equal("zh-CN", starts.Single(d => d.GetProperty("persona").GetString() == "wrong-item").GetProperty("locale").GetString());
        var text = Sent.CardText(card);
        Assert.Contains(chat.Personas.Find("wrong-item", "zh-CN")!.Name, text);
        Assert.Contains("及格线 70", text);
        Assert.Contains("未开始", text);
        Assert.DoesNotContain("first-time-buyer", text);
        Assert.DoesNotContain(chat.Personas.Find("luxury-vip", "zh-CN")!.Name, text);

        var started = await chat.SubmitAsync(starts.Single(d => d.GetProperty("persona").GetString() == "wrong-item").GetRawText());
        Assert.Contains(Sent.Texts(started), t => t.Contains(chat.Personas.Find("wrong-item", "zh-CN")!.Name));
    }

    [Fact]
    public async Task Without_assignments_the_command_says_so_and_the_welcome_mentions_open_ones_when_there_are()
    {
        using var chat = NewChat();
        Assert.Contains("没有待完成的练习任务", Assert.Single(Sent.Texts(await chat.SayAsync("assignments"))));
        var plain = Sent.CardText(Assert.Single(Sent.Cards(await chat.SayAsync("客户列表"))));
        Assert.DoesNotContain("练习任务", plain);

        await AssignAsync(chat, Assignment(chat.UserId, "wrong-item", null));
        var welcome = Assert.Single(Sent.Cards(await chat.SayAsync("客户列表")));
        Assert.Contains("你有 1 项待完成的练习任务", Sent.CardText(welcome));
        Assert.Contains(Sent.Submits(welcome), d => d.GetProperty("rpb").GetString() == "assignments");
        Assert.Single(Sent.Cards(await chat.SubmitAsync("""{"rpb":"assignments"}""")));
    }

    [Fact]
    public async Task The_scorecard_of_a_session_on_an_assigned_persona_says_it_did_not_pass_when_not_resolved()
    {
        using var chat = NewChat();
        await AssignAsync(chat, Assignment(chat.UserId, "allergy-complaint", null, passMark: 0));
        await chat.SayAsync("开始 allergy-complaint");
        chat.Time.Advance(TimeSpan.FromSeconds(15));
        await chat.SayAsync(AgentScripts.Lines("allergy-complaint", "zh-CN", "good")[0]);

        var ended = await chat.SayAsync("结束");

        Assert.Contains("❌ 任务未通过", Sent.CardText(Assert.Single(Sent.Cards(ended))));
        Assert.Contains(Sent.Texts(ended), t => t.Contains("❌ 任务未通过") && t.Contains("未解决"));
        var progress = (await Store(chat).AssignmentsAsync(new AssignmentQuery(chat.UserId))).Single();
        Assert.Equal((1, false), (progress.Attempts, progress.Passed));
    }

    [Fact]
    public async Task The_scorecard_says_passed_when_the_session_resolves_at_the_mark_and_the_dashboard_agrees()
    {
        using var chat = NewChat();
        await AssignAsync(chat, Assignment(chat.UserId, "allergy-complaint", null, passMark: 0));
        await chat.SayAsync("开始 allergy-complaint");
        IReadOnlyList<Activity> last = [];
        foreach (var line in AgentScripts.Lines("allergy-complaint", "zh-CN", "good"))
        {
            chat.Time.Advance(TimeSpan.FromSeconds(10));
            last = await chat.SayAsync(line);
            if (Sent.Cards(last).Any(c => Sent.CardText(c).Contains("成绩单")))
            {
                break;
            }
        }

        var scorecard = Sent.Cards(last).Single(c => Sent.CardText(c).Contains("成绩单"));
        Assert.Contains("✅ 任务已通过", Sent.CardText(scorecard));
        var progress = (await Store(chat).AssignmentsAsync(new AssignmentQuery(chat.UserId))).Single();
        Assert.True(progress.Passed);
        Assert.Contains("没有待完成的练习任务", Assert.Single(Sent.Texts(await chat.SayAsync("我的任务"))));
    }

    [Fact]
    public async Task The_dashboard_command_sends_a_one_time_link_that_signs_in_as_the_sender_and_lands_on_their_page()
    {
        using var chat = NewChat();
        var (replies, _) = await chat.SendAsync(chat.Activity(ActivityTypes.Message, a =>
        {
            a.Text = "我的进度";
            a.From = new ChannelAccount { Id = "29:teams-id", Name = "Ada", AadObjectId = "aad-7" };
        }));

        var text = Assert.Single(Sent.Texts(replies));
        var link = text[(text.IndexOf("](", StringComparison.Ordinal) + 2)..text.IndexOf(')', StringComparison.Ordinal)];
        Assert.StartsWith("/dashboard/signin?token=", link);

        var client = chat.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(link)).StatusCode);
        var signIn = await client.PostAsync("/dashboard/signin", DashboardFactory.SignInForm(link));
        Assert.Equal("/dashboard/trainees/aad-7", signIn.Headers.Location!.OriginalString);
        var page = await client.GetAsync(signIn.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("aad-7", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/dashboard/team")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await chat.Factory.CreateClient().PostAsync("/dashboard/signin", DashboardFactory.SignInForm(link))).StatusCode);
    }

    [Fact]
    public async Task A_trainer_gets_an_absolute_link_to_the_dashboard_when_a_public_address_is_configured()
    {
        using var chat = new ChatHarness(services: null, settings: new()
        {
            ["Dashboard:Trainers:0"] = "trainer-9",
            ["Dashboard:PublicBaseUrl"] = "https://rpb.example.com",
        });
        chat.UserId = "trainer-9";

        var text = Assert.Single(Sent.Texts(await chat.SayAsync("dashboard")));

        Assert.Contains("打开培训看板", text);
        var link = text[(text.IndexOf("](", StringComparison.Ordinal) + 2)..text.IndexOf(')', StringComparison.Ordinal)];
        Assert.StartsWith("https://rpb.example.com/dashboard/signin?token=", link);
        var client = chat.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var relative = new Uri(link).PathAndQuery;
        var signIn = await client.PostAsync("/dashboard/signin", DashboardFactory.SignInForm(relative));
        Assert.Equal("/dashboard", signIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/dashboard/team")).StatusCode);
    }

    private static ChatHarness NewChat() => new() { UserId = "user-" + Guid.NewGuid().ToString("N") };

    private static ITrainingStore Store(ChatHarness chat) => chat.Services.GetRequiredService<ITrainingStore>();

    private static Task AssignAsync(ChatHarness chat, params AssignmentRecord[] assignments) => Store(chat).CreateAssignmentsAsync(assignments);

    private static AssignmentRecord Assignment(string trainee, string persona, string? locale, int passMark = 70, string? id = null) => new(
        id ?? Guid.NewGuid().ToString("N"), "batch", trainee, trainee, persona, locale, passMark,
        ChatHarness.Start.AddDays(7), ChatHarness.Start.AddHours(-1), "trainer-1");
}
