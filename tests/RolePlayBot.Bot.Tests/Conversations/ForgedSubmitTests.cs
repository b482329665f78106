namespace RolePlayBot.Bot.Tests.Conversations;

public sealed class ForgedSubmitTests
{
    [Theory]
    [InlineData("""{"rpb":"start","persona":"../x"}""", "没有编号为「../x」的客户")]
    [InlineData("""{"rpb":"start","persona":"..\\..\\personas\\allergy-complaint"}""", "没有编号为")]
    [InlineData("""{"rpb":"start","persona":"no-such-customer"}""", "没有编号为「no-such-customer」的客户")]
    [InlineData("""{"rpb":"start","persona":"_template"}""", "没有编号为")]
    [InlineData("""{"rpb":"start"}""", "按钮的数据不完整")]
    [InlineData("""{"rpb":"start","persona":42}""", "按钮的数据不完整")]
    [InlineData("""{"rpb":"launch"}""", "按钮的数据不完整")]
    [InlineData("""{"rpb":7}""", "按钮的数据不完整")]
    [InlineData("""{"rpb":"mode"}""", "按钮的数据不完整")]
    [InlineData("""{"rpb":"mode","mode":"god"}""", "模式只有")]
    [InlineData("""{"rpb":"hint"}""", "没有进行中的练习")]
    [InlineData("""{"rpb":"end"}""", "没有进行中的练习")]
    [InlineData("""{"rpb":"restart"}""", "还没有练过的客户")]
    [InlineData("""{"something":"else"}""", "按钮的数据不完整")]
    public async Task Forged_or_stale_submits_get_a_clear_message(string value, string expected)
    {
        using var chat = new ChatHarness();

        var replies = await chat.SubmitAsync(value);

        Assert.Contains(expected, Assert.Single(Sent.Texts(replies)));
    }

    [Fact]
    public async Task A_very_long_forged_id_is_not_echoed_in_full()
    {
        using var chat = new ChatHarness();

        var replies = await chat.SubmitAsync($$"""{"rpb":"start","persona":"{{new string('a', 5000)}}"}""");

        Assert.True(Sent.Texts(replies).Single().Length < 200);
    }

    [Fact]
    public async Task Text_outside_a_session_points_to_the_customers()
    {
        using var chat = new ChatHarness();

        Assert.Contains("没有进行中的练习", (await chat.SayAsync("你好")).Single().Text);
        Assert.Contains("没有收到文字", (await chat.SayAsync("   ")).Single().Text);
    }
}
