using RolePlayBot.Bot.Protocol;

namespace RolePlayBot.Bot.Tests.Conversations;

public sealed class TimingTests
{
    [Fact]
    public async Task A_slow_reply_is_timed_from_the_activity_timestamp_and_counts_the_customers_chasers()
    {
        using var chat = new ChatHarness();
        await chat.SayAsync("start allergy-complaint");

        // The server clock has not moved: only the channel's timestamp says the trainee took 95 s.
        var replied = await chat.SayAsync("您好，已收到您的反馈，我马上为您核实。", at: ChatHarness.Start.AddSeconds(95));

        Assert.Contains("用时 95 秒 · 客户催了 2 次", Sent.CardText(Sent.Cards(replied).Single()));
        var ended = await chat.SayAsync("结束");
        Assert.Contains("第1轮 95秒", Sent.Texts(ended).Single());
        Assert.Contains("95 秒才回复", Sent.CardText(Sent.Cards(ended).Single()));
    }

    [Fact]
    public async Task The_chaser_says_are_you_there_after_the_personas_threshold_and_the_customer_leaves_with_a_scorecard()
    {
        using var chat = new ChatHarness();
        await chat.SayAsync("start allergy-complaint");
        var persona = chat.Personas.Find("allergy-complaint", "zh-CN")!;
        Assert.Equal(45, persona.Mood.ChaseAfterSeconds);

        chat.Time.Advance(TimeSpan.FromSeconds(44));
        Assert.Equal(0, await chat.Chaser.TickAsync(chat.Time.GetUtcNow()));

        var mark = chat.Mark;
        chat.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, await chat.Chaser.TickAsync(chat.Time.GetUtcNow()));
        var (reference, chaser) = chat.Sender.Sent.Skip(mark).Single();
        Assert.Equal(chat.ConversationId, reference.Conversation.Id);
        Assert.Equal(chat.ConversationId, chaser.Conversation!.Id);
        Assert.Equal(chat.BotId, chaser.From!.Id);
        Assert.Equal("user-1", chaser.Recipient!.Id);
        Assert.Null(chaser.ReplyToId);
        Assert.StartsWith($"**{persona.Name}**：", chaser.Text);
        Assert.Contains(persona.Lines.Chase, line => chaser.Text!.Contains(line.Split('{')[0]));
        Assert.Equal(0, await chat.Chaser.TickAsync(chat.Time.GetUtcNow()));

        mark = chat.Mark;
        chat.Time.Advance(TimeSpan.FromSeconds(persona.Mood.LeaveAfterSeconds));
        Assert.True(await chat.Chaser.TickAsync(chat.Time.GetUtcNow()) >= 1);
        var left = chat.SentSince(mark);
        var scorecard = Sent.CardText(Sent.Cards(left).Single());
        Assert.Contains("客户等不及离开了", scorecard);
        Assert.Equal(0, await chat.Chaser.TickAsync(chat.Time.GetUtcNow().AddHours(1)));
        Assert.Contains("没有进行中的练习", (await chat.SayAsync("您好")).Single().Text);
    }

    [Fact]
    public async Task A_reply_after_the_customer_left_unnoticed_shows_the_leaving_line_and_the_scorecard()
    {
        using var chat = new ChatHarness();
        await chat.SayAsync("start peak-hour-chaser");
        var persona = chat.Personas.Find("peak-hour-chaser", "zh-CN")!;

        var replied = await chat.SayAsync("您好，在的", at: ChatHarness.Start.AddSeconds(persona.Mood.LeaveAfterSeconds + 30));

        Assert.Contains(Sent.Texts(replied), t => t.StartsWith($"**{persona.Name}**"));
        Assert.Contains(Sent.Cards(replied), c => Sent.CardText(c).Contains("客户等不及离开了"));
    }

    [Fact]
    public async Task The_chaser_leaves_a_conversation_alone_while_its_turn_holds_the_lock()
    {
        using var chat = new ChatHarness();
        await chat.SayAsync("start allergy-complaint");
        var locks = (Bot.Conversations.State.ConversationLocks)chat.Services.GetService(typeof(Bot.Conversations.State.ConversationLocks))!;

        using (await locks.AcquireAsync($"webchat|{chat.ConversationId}"))
        {
            chat.Time.Advance(TimeSpan.FromSeconds(100));
            Assert.Equal(0, await chat.Chaser.TickAsync(chat.Time.GetUtcNow()));
        }

        Assert.True(await chat.Chaser.TickAsync(chat.Time.GetUtcNow()) > 0);
    }

    [Fact]
    public async Task Sessions_in_two_conversations_are_chased_independently()
    {
        using var chat = new ChatHarness();
        await chat.SayAsync("start allergy-complaint");
        var other = chat.Activity(ActivityTypes.Message, a =>
        {
            a.Conversation = new ConversationAccount { Id = "other-conversation" };
            a.Text = "start first-time-buyer";
        });
        await chat.SendAsync(other);

        chat.Time.Advance(TimeSpan.FromSeconds(50));
        var mark = chat.Mark;
        await chat.Chaser.TickAsync(chat.Time.GetUtcNow());

        Assert.Equal([chat.ConversationId], chat.Sender.Sent.Skip(mark).Select(s => s.Reference.Conversation.Id!).Distinct());
    }
}
