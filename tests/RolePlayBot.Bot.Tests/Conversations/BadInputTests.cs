using System.Text.Json;
using RolePlayBot.Bot.Protocol;

namespace RolePlayBot.Bot.Tests.Conversations;

/// <summary>What trainees paste: nothing, far too much, control characters, emoji, two languages at once.</summary>
public sealed class BadInputTests
{
    private const string Reply = "林女士您好，已收到您的反馈，脸上又红又痒一定很难受，真的非常抱歉。麻烦发一下订单号和照片好吗？";

    [Theory]
    [InlineData("   ")]
    [InlineData("\u0000\u0007\t ")]
    [InlineData("\u00a0&nbsp;")]
    public async Task Empty_text_in_a_session_gets_a_prompt_and_is_not_a_turn(string text)
    {
        using var chat = new ChatHarness();
        await chat.SayAsync("start allergy-complaint");

        var replies = await chat.SayAsync(text);

        Assert.Contains("没有收到文字", Assert.Single(Sent.Texts(replies)));
        Assert.Empty(await Stored.TurnsAsync(chat));
    }

    [Fact]
    public async Task Empty_text_outside_a_session_points_to_the_customers_in_english_too()
    {
        using var chat = new ChatHarness(locale: "en-US");

        var replies = await chat.SayAsync(" ");

        Assert.Contains("`personas`", Assert.Single(Sent.Texts(replies)));
    }

    [Fact]
    public async Task An_oversized_reply_is_refused_with_a_clear_message_and_the_session_goes_on_untouched()
    {
        using var chat = new ChatHarness();
        await chat.SayAsync("start allergy-complaint");
        chat.Time.Advance(TimeSpan.FromSeconds(20));
        var huge = string.Concat(Enumerable.Repeat(Reply, 60));   // ~3,000 characters

        var refused = await chat.SayAsync(huge);

        var message = Assert.Single(Sent.Texts(refused));
        Assert.Contains("超过了 2000 字的上限", message);
        Assert.Contains(huge.Length.ToString(), message);
        Assert.Empty(Sent.Cards(refused));
        Assert.Empty(await Stored.TurnsAsync(chat));

        var answered = await chat.SayAsync(Reply);

        Assert.Single(Sent.Cards(answered));   // the feedback card
        var turn = Assert.Single(await Stored.TurnsAsync(chat));
        Assert.Equal(Reply, turn.TraineeText);
    }

    [Fact]
    public async Task The_limit_is_configurable_and_counts_emoji_as_one_character()
    {
        using var chat = new ChatHarness(locale: "en", settings: new() { ["Conversations:MaxMessageCharacters"] = "30" });
        await chat.SayAsync("start late-birthday-gift");

        Assert.Contains("over the 30-character limit", Assert.Single(Sent.Texts(await chat.SayAsync("I am so sorry about the delay, truly!"))));
        Assert.Empty(await Stored.TurnsAsync(chat));
        Assert.Single(Sent.Cards(await chat.SayAsync("Sorry " + string.Concat(Enumerable.Repeat("😊", 24)))));
    }

    [Fact]
    public async Task Control_characters_are_dropped_before_the_reply_is_judged_and_stored()
    {
        using var chat = new ChatHarness();
        await chat.SayAsync("start allergy-complaint");

        var replies = await chat.SayAsync("林女士您好\u0000，真的\u001b非常抱歉\r\n麻烦发一下订单号好吗？\u0007");

        Assert.Single(Sent.Cards(replies));
        var turn = Assert.Single(await Stored.TurnsAsync(chat));
        Assert.Equal("林女士您好，真的非常抱歉\n麻烦发一下订单号好吗？", turn.TraineeText);
    }

    [Theory]
    [InlineData("林女士您好 😭🙏 真的非常抱歉，脸上又红又痒一定很难受！👩‍⚕️ 麻烦发一下订单号好吗？")]
    [InlineData("Hi 林女士, I'm really sorry 非常抱歉, 脸上又红又痒 must be awful. Could you send the order number 订单号 please?")]
    [InlineData("\u202b林女士您好\u202c，真的\u200b非常抱歉，麻烦发一下订单号好吗？")]
    public async Task Emoji_mixed_languages_and_invisible_marks_are_an_ordinary_reply(string reply)
    {
        using var chat = new ChatHarness();
        await chat.SayAsync("start allergy-complaint");

        var replies = await chat.SayAsync(reply);

        var card = Assert.Single(Sent.Cards(replies));
        Assert.Contains("抱歉", Sent.CardText(card));
        Assert.Equal(reply, Assert.Single(await Stored.TurnsAsync(chat)).TraineeText);
    }

    [Theory]
    [InlineData("""{"rpb":"start","persona":"../../etc/passwd"}""", "没有编号为")]
    [InlineData("""{"rpb":"start","persona":"/etc/passwd"}""", "没有编号为")]
    [InlineData("""{"rpb":"start","persona":"allergy-complaint/../../../etc/passwd"}""", "没有编号为")]
    [InlineData("""{"rpb":"start","persona":"allergy-complaint\u0000"}""", "没有编号为")]
    [InlineData("""{"rpb":"start","persona":"%2e%2e%2fetc%2fpasswd"}""", "没有编号为")]
    [InlineData("""{"rpb":"start","persona":["allergy-complaint"]}""", "按钮的数据不完整")]
    [InlineData("""{"rpb":"start","persona":{"id":"allergy-complaint"}}""", "按钮的数据不完整")]
    [InlineData("""{"rpb":"start","persona":null}""", "按钮的数据不完整")]
    [InlineData("""{"rpb":["start"]}""", "按钮的数据不完整")]
    [InlineData("""{"rpb":"START  ","persona":"allergy-complaint","locale":{"x":1}}""", "练习客户")]
    [InlineData("""{"rpb":"rm -rf /"}""", "按钮的数据不完整")]
    [InlineData("""{"rpb":"mode","mode":12}""", "按钮的数据不完整")]
    public async Task Forged_card_submissions_get_a_clear_message(string value, string expected)
    {
        using var chat = new ChatHarness();

        var replies = await chat.SubmitAsync(value);

        Assert.Contains(Sent.Texts(replies), t => t.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_huge_forged_submission_is_answered_briefly()
    {
        using var chat = new ChatHarness();
        var huge = new string('x', 200_000);

        var replies = await chat.SubmitAsync(JsonSerializer.Serialize(new { rpb = "start", persona = huge, locale = huge, extra = huge }));

        Assert.True(Assert.Single(Sent.Texts(replies)).Length < 200);
    }

    [Fact]
    public async Task A_forged_invoke_gets_an_error_body_not_a_crash()
    {
        using var chat = new ChatHarness("msteams");

        var (_, invoke) = await chat.SendAsync(chat.Activity(ActivityTypes.Invoke, a =>
        {
            a.Name = "adaptiveCard/action";
            a.Value = JsonDocument.Parse("""{"action":{"type":"Action.Execute","verb":"start","data":{"persona":"../../etc/passwd"}}}""").RootElement.Clone();
        }));

        Assert.NotNull(invoke);
        Assert.Equal(200, invoke.Status);
        Assert.Contains("没有编号为", JsonSerializer.Serialize(invoke.Body, BotJson.Options));
    }

    [Fact]
    public async Task Entities_of_the_wrong_shape_do_not_break_the_turn()
    {
        using var chat = new ChatHarness("msteams");

        var (replies, _) = await chat.SendAsync(chat.Activity(ActivityTypes.Message, a =>
        {
            a.Text = "help";
            a.Locale = null;
            a.Entities = [.. JsonDocument.Parse("""[{"type":7},{"type":"clientInfo","locale":5},{"type":"mention","mentioned":"x"},3,null,"s"]""").RootElement.EnumerateArray().Select(e => e.Clone())];
        }));

        Assert.Contains("怎么练", Assert.Single(Sent.Texts(replies)));
    }
}
