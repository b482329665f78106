using System.Text.Json.Nodes;
using RolePlayBot.Bot.Conversations;
using RolePlayBot.Bot.Conversations.Streaming;
using RolePlayBot.Bot.Protocol;
using RolePlayBot.Bot.Tests.Conversations;
using RolePlayBot.Bot.Turns;

namespace RolePlayBot.Bot.Tests.Streaming;

/// <summary>
/// A livestream whose attempt was discarded (it ran again after a conflict, or failed) is ended by what the turn then
/// says, after the stream's last chunk, so the client is never left with a bubble still being written.
/// </summary>
public sealed class LeftOpenStreamTests
{
    [Fact]
    public async Task The_apology_of_a_failed_attempt_becomes_the_final_message_of_the_stream_it_left_open()
    {
        var lastChunk = new TaskCompletionSource();
        var outbox = Outbox.ForTurn(Context(), rendersCards: true, [new OpenStream("1:stream-a", lastChunk.Task)]);
        await outbox.TextAsync("抱歉，处理这条消息时出错了。");

        outbox.CloseLeftOpen(BotTexts.StreamInterrupted(zh: true));

        var final = Assert.Single(outbox.Messages);
        Assert.Equal("抱歉，处理这条消息时出错了。", final.Text);
        Assert.Equal("1:stream-a", final.Id);
        Assert.True(StreamInfo.IsFinal(final));
        Assert.False(outbox.SendsAfter!.IsCompleted, "the final message must wait for the stream's last chunk");
        lastChunk.SetResult();
        await outbox.SendsAfter;
    }

    [Fact]
    public async Task A_turn_that_says_nothing_in_words_ends_the_stream_with_a_note_before_its_card()
    {
        var outbox = Outbox.ForTurn(Context(), rendersCards: true, [new OpenStream("1:stream-a", Task.CompletedTask)]);
        await outbox.CardAsync(new JsonObject { ["type"] = "AdaptiveCard" }, "markdown", "summary");

        outbox.CloseLeftOpen(BotTexts.StreamInterrupted(zh: true));

        Assert.Equal(2, outbox.Messages.Count);
        var (note, card) = (outbox.Messages[0], outbox.Messages[1]);
        Assert.Equal(BotTexts.StreamInterrupted(zh: true), note.Text);
        Assert.Equal("1:stream-a", note.Id);
        Assert.True(StreamInfo.IsFinal(note));
        Assert.Equal("msteams", note.ChannelId);
        Assert.False(StreamInfo.IsFinal(card));
        Assert.Null(card.Id);
    }

    [Fact]
    public async Task Without_a_stream_left_open_nothing_changes()
    {
        var outbox = Outbox.ForTurn(Context(), rendersCards: true);
        await outbox.TextAsync("好的");

        outbox.CloseLeftOpen(BotTexts.StreamInterrupted(zh: true));

        var message = Assert.Single(outbox.Messages);
        Assert.False(StreamInfo.IsFinal(message));
        Assert.Null(message.Id);
        Assert.Null(outbox.SendsAfter);
    }

    private static TurnContext Context() => new(new Activity
    {
        Type = ActivityTypes.Message,
        Id = "in-1",
        ChannelId = "msteams",
        ServiceUrl = "https://example.test/",
        From = new ChannelAccount { Id = "user-1", Name = "Ada" },
        Recipient = new ChannelAccount { Id = "bot", Name = "RolePlayBot" },
        Conversation = new ConversationAccount { Id = "a:1", ConversationType = "personal" },
        Text = "你好",
    }, new RecordingChannelSender());
}
