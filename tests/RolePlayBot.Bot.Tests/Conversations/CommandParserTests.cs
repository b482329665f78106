using RolePlayBot.Bot.Conversations;
using RolePlayBot.Bot.Conversations.State;

namespace RolePlayBot.Bot.Tests.Conversations;

public sealed class CommandParserTests
{
    [Theory]
    [InlineData("help", CommandKind.Help, null)]
    [InlineData("帮助", CommandKind.Help, null)]
    [InlineData("/HINT", CommandKind.Hint, null)]
    [InlineData("提示", CommandKind.Hint, null)]
    [InlineData("客户列表", CommandKind.Personas, null)]
    [InlineData("Start  allergy-complaint", CommandKind.Start, "allergy-complaint")]
    [InlineData("开始 allergy-complaint", CommandKind.Start, "allergy-complaint")]
    [InlineData("结束", CommandKind.End, null)]
    [InlineData("重来", CommandKind.Restart, null)]
    [InlineData("mode exam", CommandKind.Mode, "exam")]
    [InlineData("模式 考试", CommandKind.Mode, "考试")]
    public void Commands_are_recognised_in_both_languages(string text, CommandKind kind, string? argument)
    {
        var command = CommandParser.Parse(text);

        Assert.NotNull(command);
        Assert.Equal(kind, command.Kind);
        Assert.Equal(argument, command.Argument);
    }

    [Theory]
    [InlineData("开始 处理之前先跟您道歉")]
    [InlineData("结束了吗？您放心")]
    [InlineData("提示您一下，退款已提交")]
    [InlineData("help me understand your order")]
    [InlineData("亲，已收到")]
    public void Replies_that_look_a_little_like_commands_are_replies(string text) =>
        Assert.Null(CommandParser.Parse(text));

    [Theory]
    [InlineData("practice", PracticeMode.Practice)]
    [InlineData("练习", PracticeMode.Practice)]
    [InlineData("EXAM", PracticeMode.Exam)]
    [InlineData("考试", PracticeMode.Exam)]
    public void Modes_parse_in_both_languages(string text, PracticeMode mode) =>
        Assert.Equal(mode, CommandParser.ParseMode(text));
}
