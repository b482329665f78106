using RolePlayBot.Bot.Protocol;

namespace RolePlayBot.Bot.Tests.Conversations;

public sealed class PracticeFlowTests
{
    [Fact]
    public async Task Every_message_says_whether_the_customer_waits_for_an_answer_or_the_turn_is_over()
    {
        using var chat = new ChatHarness();

        var started = await chat.SayAsync("开始 allergy-complaint");
        Assert.Equal([InputHints.Ignoring, InputHints.Expecting], started.Select(a => a.InputHint));

        var replied = await chat.SayAsync(AgentScripts.Lines("allergy-complaint", "zh-CN", "good")[0]);
        Assert.Equal([InputHints.Ignoring, InputHints.Expecting], replied.Select(a => a.InputHint));
        Assert.NotNull(replied[0].Attachments);

        var ended = await chat.SayAsync("结束");
        Assert.Equal(InputHints.Accepting, ended[^1].InputHint);
        Assert.All(ended.SkipLast(1), a => Assert.Equal(InputHints.Ignoring, a.InputHint));

        var notice = Assert.Single(await chat.SayAsync("您好"));
        Assert.Equal(InputHints.Accepting, notice.InputHint);

        // A customer who leaves: the closing line waits for nobody, and the scorecard after it ends the turn.
        await chat.SayAsync("开始 allergy-complaint");
        IReadOnlyList<Activity> last = [];
        foreach (var line in Enumerable.Repeat("你自己过敏关我们什么事，爱买不买", 12))
        {
            last = await chat.SayAsync(line);
            if (Sent.Cards(last).Any(c => Sent.CardText(c).Contains("成绩单")))
            {
                break;
            }
        }

        Assert.Contains(Sent.Cards(last), c => Sent.CardText(c).Contains("成绩单"));
        Assert.DoesNotContain(last, a => a.InputHint == InputHints.Expecting);
        Assert.Equal(InputHints.Accepting, last[^1].InputHint);
    }

    [Fact]
    public async Task A_new_member_gets_a_welcome_card_listing_every_customer_by_dimension_with_start_buttons()
    {
        using var chat = new ChatHarness();

        var (replies, _) = await chat.SendAsync(chat.Activity(ActivityTypes.ConversationUpdate, a =>
            a.MembersAdded = [new ChannelAccount { Id = "user-1" }, new ChannelAccount { Id = chat.BotId }]));

        var card = Assert.Single(Sent.Cards(replies));
        Assert.Equal("1.5", card.GetProperty("version").GetString());
        var starts = Sent.Submits(card).Where(d => d.GetProperty("rpb").GetString() == "start").ToList();
        Assert.True(starts.Count >= 10, $"{starts.Count} start buttons");
        Assert.Equal(chat.Personas.Ids.Count, starts.Select(d => d.GetProperty("persona").GetString()).Distinct().Count());
        Assert.All(starts, d => Assert.Equal("zh-CN", d.GetProperty("locale").GetString()));
        var text = Sent.CardText(card);
        foreach (var heading in new[] { "速度", "细致", "情感", "★" })
        {
            Assert.Contains(heading, text);
        }

        Assert.True(card.GetRawText().Length < 28 * 1024, $"{card.GetRawText().Length} chars");
    }

    [Fact]
    public async Task Web_Chat_join_after_the_conversation_update_does_not_welcome_twice_but_installation_in_a_new_chat_does()
    {
        using var chat = new ChatHarness();
        await chat.SendAsync(chat.Activity(ActivityTypes.ConversationUpdate, a => a.MembersAdded = [new ChannelAccount { Id = "user-1" }]));

        var (again, _) = await chat.SendAsync(chat.Activity(ActivityTypes.Event, a => a.Name = "webchat/join"));
        Assert.Empty(again);

        using var teams = new ChatHarness("msteams");
        var (installed, _) = await teams.SendAsync(teams.Activity(ActivityTypes.InstallationUpdate, a => a.Action = "add"));
        Assert.Single(Sent.Cards(installed));
    }

    [Fact]
    public async Task The_bot_added_to_a_team_channel_stays_quiet()
    {
        using var chat = new ChatHarness("msteams");

        var (replies, _) = await chat.SendAsync(chat.Activity(ActivityTypes.ConversationUpdate, a =>
        {
            a.Conversation!.ConversationType = "channel";
            a.MembersAdded = [new ChannelAccount { Id = chat.BotId }];
        }));

        Assert.Empty(replies);
    }

    [Fact]
    public async Task Start_reply_and_end_give_the_opening_feedback_with_quotes_the_customers_answer_and_the_scorecard()
    {
        using var chat = new ChatHarness();
        var persona = chat.Personas.Find("allergy-complaint", "zh-CN")!;

        var started = await chat.SubmitAsync("""{"rpb":"start","persona":"allergy-complaint","locale":"zh-CN"}""");
        var texts = Sent.Texts(started);
        Assert.Contains(texts, t => t.Contains(persona.Name) && t.Contains(persona.Facts.OrderId));
        Assert.Contains(texts, t => t.Contains("你们家精华液是不是有问题") && t.Contains("愤怒 70 · 耐心 45"));

        chat.Time.Advance(TimeSpan.FromSeconds(20));
        var good = AgentScripts.Lines("allergy-complaint", "zh-CN", "good")[0];
        var replied = await chat.SayAsync(good);

        var feedback = Assert.Single(Sent.Cards(replied));
        var feedbackText = Sent.CardText(feedback);
        Assert.Contains("点评 · 第 1 轮 · 用时 20 秒", feedbackText);
        Assert.Contains("✓ 确认收到「", feedbackText);
        Assert.Contains("✓ 情感表达「", feedbackText);
        Assert.Contains("更好的回复", feedbackText);
        Assert.DoesNotContain("✗", feedbackText);
        var customer = Sent.Texts(replied).Single(t => t.StartsWith($"**{persona.Name}**"));
        Assert.Matches(@"愤怒 \d+ · 耐心 \d+", customer);
        var order = replied.ToList();
        Assert.True(order.FindIndex(a => a.Attachments is not null) < order.FindIndex(a => a.Text == customer), "feedback before the customer's answer");

        var ended = await chat.SayAsync("结束");
        var scorecard = Assert.Single(Sent.Cards(ended));
        var cardText = Sent.CardText(scorecard);
        foreach (var part in new[] { "成绩单", "由你结束", "速度", "细致", "情感", "情绪认知力", "情绪调控力", "情绪表达力", "情绪共情力", "做得好", "愤怒曲线", "第1轮 20秒" })
        {
            Assert.Contains(part, cardText);
        }

        Assert.True(scorecard.GetRawText().Length < 28 * 1024);
        var markdown = Assert.Single(Sent.Texts(ended));
        Assert.Contains("**成绩单", markdown);
        Assert.Contains("回复用时：第1轮 20秒", markdown);
        Assert.Contains(Sent.Submits(scorecard), d => d.GetProperty("rpb").GetString() == "restart");

        var after = await chat.SayAsync("您好");
        Assert.Contains("没有进行中的练习", Assert.Single(Sent.Texts(after)));
    }

    [Fact]
    public async Task A_bad_agent_makes_the_customer_escalate_and_the_scorecard_follows_at_once()
    {
        using var chat = new ChatHarness();
        await chat.SayAsync("开始 allergy-complaint");

        IReadOnlyList<Activity> last = [];
        foreach (var line in AgentScripts.Lines("allergy-complaint", "zh-CN", "bad"))
        {
            chat.Time.Advance(TimeSpan.FromSeconds(10));
            last = await chat.SayAsync(line);
            if (Sent.Cards(last).Any(c => Sent.CardText(c).Contains("成绩单")))
            {
                break;
            }
        }

        var scorecard = Sent.Cards(last).Single(c => Sent.CardText(c).Contains("成绩单"));
        var text = Sent.CardText(scorecard);
        Assert.Contains("客户升级投诉", text);
        Assert.Contains("最该改进的三点", text);
        Assert.Contains(Sent.Cards(last), c => Sent.CardText(c).Contains("✗"));
        Assert.Contains("没有进行中的练习", Sent.Texts(await chat.SayAsync("提示")).Single());
    }

    [Fact]
    public async Task Restart_sends_the_scorecard_and_opens_the_same_customer_again()
    {
        using var chat = new ChatHarness();
        await chat.SayAsync("start late-birthday-gift");
        await chat.SayAsync("亲，已收到，我马上帮您查物流。");

        var restarted = await chat.SayAsync("重来");

        Assert.Contains(Sent.Cards(restarted), c => Sent.CardText(c).Contains("成绩单"));
        var persona = chat.Personas.Find("late-birthday-gift", "zh-CN")!;
        Assert.Contains(Sent.Texts(restarted), t => t.StartsWith($"**{persona.Name}**"));
        var replied = await chat.SayAsync("您好，已收到您的消息，马上为您查看。");
        Assert.Contains("第 1 轮", Sent.CardText(Sent.Cards(replied).Single()));
    }

    [Fact]
    public async Task Hints_help_and_a_second_start_during_a_session_are_answered_without_ending_it()
    {
        using var chat = new ChatHarness();
        await chat.SayAsync("start allergy-complaint");

        Assert.StartsWith("💡 提示：", Sent.Texts(await chat.SayAsync("提示")).Single());
        Assert.Contains("客户列表", Sent.Texts(await chat.SayAsync("/HELP")).Single());
        Assert.Contains("你正在和", Sent.Texts(await chat.SubmitAsync("""{"rpb":"start","persona":"wrong-item"}""")).Single());

        // A reply that happens to begin with a command word is still a reply.
        var replied = await chat.SayAsync("开始 处理之前，先跟您说声抱歉");
        Assert.Single(Sent.Cards(replied));
    }
}
