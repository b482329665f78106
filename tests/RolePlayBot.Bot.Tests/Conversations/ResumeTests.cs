using RolePlayBot.Bot.Protocol;

namespace RolePlayBot.Bot.Tests.Conversations;

/// <summary>The chat starting again around a session still running (Web Chat's page after a restart of the bot).</summary>
public sealed class ResumeTests
{
    [Fact]
    public async Task The_bot_joining_again_shows_the_customers_last_line_and_the_wait_while_it_was_away_is_not_the_trainees()
    {
        using var chat = new ChatHarness(settings: new() { ["Conversations:ChaserIntervalSeconds"] = "0" });
        await chat.SayAsync("开始 allergy-complaint");
        var opening = chat.Sender.Sent[^1].Activity.Text!;

        // The bot was away for ten minutes; the page starts the conversation again and the bot joins it.
        chat.Time.Advance(TimeSpan.FromMinutes(10));
        var (resumed, _) = await chat.SendAsync(chat.Activity(ActivityTypes.ConversationUpdate, a =>
            a.MembersAdded = [new ChannelAccount { Id = chat.BotId, Name = "RolePlayBot" }, new ChannelAccount { Id = chat.UserId, Name = "Ada" }]));

        var texts = Sent.Texts(resumed);
        Assert.Equal(2, texts.Count);
        Assert.Contains("继续刚才的练习", texts[0]);
        Assert.Equal(opening, texts[1]);
        Assert.Equal(InputHints.Expecting, resumed[^1].InputHint);
        // Web Chat's join event right after it does not put the customer list between the line and the reply.
        var (joined, _) = await chat.SendAsync(chat.Activity(ActivityTypes.Event, a => a.Name = "webchat/join"));
        Assert.Empty(joined);

        chat.Time.Advance(TimeSpan.FromSeconds(12));
        var reply = await chat.SayAsync("林女士您好，已收到您的反馈，真的非常抱歉。");
        var feedback = Sent.CardText(Assert.Single(Sent.Cards(reply)));
        Assert.Contains("用时 12 秒", feedback);

        // Joining again with no session running says nothing of the kind.
        await chat.SayAsync("结束");
        var (idle, _) = await chat.SendAsync(chat.Activity(ActivityTypes.ConversationUpdate, a =>
            a.MembersAdded = [new ChannelAccount { Id = chat.BotId, Name = "RolePlayBot" }]));
        Assert.DoesNotContain(Sent.Texts(idle), t => t.Contains("继续刚才的练习"));
    }

    [Fact]
    public async Task On_the_embedded_Direct_Line_the_page_also_gets_the_chat_so_far_quoted()
    {
        using var chat = new ChatHarness("directline", settings: new() { ["Conversations:ChaserIntervalSeconds"] = "0" });
        await chat.SayAsync("开始 allergy-complaint");
        chat.Time.Advance(TimeSpan.FromSeconds(15));
        await chat.SayAsync("林女士您好，*真的*非常抱歉，脸上又红又痒一定很难受。");
        chat.Time.Advance(TimeSpan.FromSeconds(15));
        var longReply = "麻烦您先停用精华液，" + new string('请', 120);
        await chat.SayAsync(longReply);
        var lastLine = chat.Sender.Sent[^1].Activity.Text!;

        var (resumed, _) = await chat.SendAsync(chat.Activity(ActivityTypes.ConversationUpdate, a =>
            a.MembersAdded = [new ChannelAccount { Id = chat.BotId, Name = "RolePlayBot" }, new ChannelAccount { Id = chat.UserId, Name = "Ada" }]));

        var texts = Sent.Texts(resumed);
        Assert.Equal(3, texts.Count);
        Assert.Contains("继续刚才的练习", texts[0]);
        var recap = texts[1];
        Assert.StartsWith("_前面的对话（最近 4 条）：_", recap, StringComparison.Ordinal);   // opening, reply, answer, reply
        Assert.Contains("> **你**：林女士您好，\\*真的\\*非常抱歉", recap, StringComparison.Ordinal);   // the trainee's own words, Markdown kept literal
        Assert.Contains("> **你**：麻烦您先停用精华液，" + new string('请', 90) + "…", recap, StringComparison.Ordinal);
        Assert.Contains("> **敏感肌的林女士**：", recap, StringComparison.Ordinal);
        Assert.Equal(lastLine, texts[2]);   // the customer's last line on its own, not in the recap
        Assert.DoesNotContain(lastLine.Split('：', 2)[1][..10], recap, StringComparison.Ordinal);
        Assert.Equal(InputHints.Expecting, resumed[^1].InputHint);
    }
}
