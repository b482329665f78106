using RolePlayBot.Bot.Conversations;
using RolePlayBot.Bot.Protocol;

namespace RolePlayBot.Bot.Tests.Conversations;

public sealed class InboundTextTests
{
    [Theory]
    [InlineData("您好\u0000，\u0007马上\u001b[31m处理", "您好，马上[31m处理")]
    [InlineData("第一行\r\n第二行\r第三行", "第一行\n第二行\n第三行")]
    [InlineData("a\tb\nc", "a\tb\nc")]
    [InlineData("退款\u0085已\u009b提交\u007f", "退款已提交")]
    [InlineData("👩‍👩‍👧 好的 👍🏽", "👩‍👩‍👧 好的 👍🏽")]
    [InlineData("\u202e抱歉\u200b，sorry 您好", "\u202e抱歉\u200b，sorry 您好")]
    public void Control_characters_go_and_text_stays(string raw, string expected) =>
        Assert.Equal(expected, InboundText.Clean(raw));

    [Fact]
    public void A_lone_surrogate_becomes_a_replacement_character_and_a_pair_stays()
    {
        var raw = "坏" + '\ud800' + "字" + '\udc00' + "😊";

        Assert.Equal("坏\ufffd字\ufffd😊", InboundText.Clean(raw));
    }

    [Fact]
    public void The_text_of_an_activity_is_cleaned_and_trimmed()
    {
        var activity = new Activity { Type = ActivityTypes.Message, Text = "\u0000  非常抱歉\u0008 \r\n" };

        Assert.Equal("非常抱歉", InboundText.Of(activity));
    }

    [Fact]
    public void Characters_are_counted_as_people_count_them()
    {
        Assert.Equal(3, InboundText.CharacterCount("好😊a"));
        Assert.Equal(2000, InboundText.CharacterCount(string.Concat(Enumerable.Repeat("😊", 2000))));
    }
}
