using RolePlayBot.Bot.Protocol;

namespace RolePlayBot.Bot.Tests.Conversations;

public sealed class LocaleAndModeTests
{
    [Fact]
    public async Task An_English_trainee_gets_English_cards_and_the_English_persona()
    {
        using var chat = new ChatHarness(locale: "en-US");

        var (welcome, _) = await chat.SendAsync(chat.Activity(ActivityTypes.Event, a => a.Name = "webchat/join"));
        var card = Assert.Single(Sent.Cards(welcome));
        Assert.Contains("Speed", Sent.CardText(card));
        Assert.All(Sent.Submits(card).Where(d => d.GetProperty("rpb").GetString() == "start"), d => Assert.Equal("en", d.GetProperty("locale").GetString()));

        var started = await chat.SubmitAsync("""{"rpb":"start","persona":"allergy-complaint","locale":"en"}""");
        var persona = chat.Personas.Find("allergy-complaint", "en")!;
        Assert.Equal("en", persona.Locale);
        Assert.Contains(Sent.Texts(started), t => t.StartsWith("**Your customer"));
        Assert.Contains(Sent.Texts(started), t => t.StartsWith($"**{persona.Name}**") && t.Contains("Anger 70 · Patience 45"));

        chat.Time.Advance(TimeSpan.FromSeconds(15));
        var replied = await chat.SayAsync(AgentScripts.Lines("allergy-complaint", "en", "good")[0]);
        var feedback = Sent.CardText(Sent.Cards(replied).Single());
        Assert.Contains("Feedback · turn 1 · 15 s", feedback);
        Assert.Contains("✓ Acknowledge receipt「", feedback);

        var ended = await chat.SayAsync("END");
        Assert.Contains("Scorecard", Sent.CardText(Sent.Cards(ended).Single()));
        Assert.Contains("Reply times: turn 1 15 s", Sent.Texts(ended).Single());
    }

    [Fact]
    public async Task The_locale_can_come_from_Teams_clientInfo_and_a_Chinese_only_customer_says_so()
    {
        using var chat = new ChatHarness("msteams", locale: null!);

        var (replies, _) = await chat.SendAsync(chat.Activity(ActivityTypes.Message, a =>
        {
            a.Text = "start wrong-item";
            a.Entities = [System.Text.Json.JsonDocument.Parse("""{"type":"clientInfo","locale":"en-GB"}""").RootElement.Clone()];
        }));

        Assert.Contains(Sent.Texts(replies), t => t.Contains("only available in Chinese"));
    }

    [Fact]
    public async Task Exam_mode_gives_no_feedback_or_hints_until_the_scorecard_which_has_every_turns_critique()
    {
        using var chat = new ChatHarness();
        Assert.Contains("考试模式", (await chat.SubmitAsync("""{"rpb":"mode","mode":"exam"}""")).Single().Text);
        await chat.SayAsync("开始 allergy-complaint");

        var lines = AgentScripts.Lines("allergy-complaint", "zh-CN", "good");
        var replied = await chat.SayAsync(lines[0]);
        Assert.Empty(Sent.Cards(replied));
        Assert.Contains(Sent.Texts(replied), t => t.Contains("愤怒"));
        Assert.Contains("考试模式不提供提示", (await chat.SayAsync("hint")).Single().Text);
        await chat.SayAsync(lines[1]);

        var ended = await chat.SayAsync("结束");
        var text = Sent.CardText(Sent.Cards(ended).Single());
        Assert.Contains("逐轮点评", text);
        Assert.Contains("第1轮", text);
        Assert.Contains("第2轮", text);
        Assert.Contains("**逐轮点评**", Sent.Texts(ended).Single());
    }

    [Fact]
    public async Task Switching_mode_mid_session_waits_for_the_next_session()
    {
        using var chat = new ChatHarness();
        await chat.SayAsync("start allergy-complaint");

        Assert.Contains("从下一场练习开始生效", (await chat.SayAsync("模式 考试")).Single().Text);
        Assert.Single(Sent.Cards(await chat.SayAsync("您好，已收到您的反馈。")));
        Assert.Contains("只有", (await chat.SayAsync("mode holiday")).Single().Text);
    }
}
