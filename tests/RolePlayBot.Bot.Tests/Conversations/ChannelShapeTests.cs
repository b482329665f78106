using System.Text.Json;
using System.Text.Json.Nodes;
using RolePlayBot.Bot.Protocol;

namespace RolePlayBot.Bot.Tests.Conversations;

public sealed class ChannelShapeTests
{
    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static JsonElement Body(Protocol.InvokeResponse? response)
    {
        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        return JsonSerializer.SerializeToElement(response.Body, BotJson.Options);
    }

    [Fact]
    public async Task A_Teams_message_with_the_bots_mention_starts_a_session()
    {
        using var chat = new ChatHarness("msteams");

        var (replies, _) = await chat.SendAsync(chat.Activity(ActivityTypes.Message, a =>
        {
            a.Conversation!.ConversationType = "groupChat";
            a.Text = "<at>RolePlayBot</at>&nbsp;start\u00a0 allergy-complaint\n";
            a.TextFormat = "plain";
            a.Entities =
            [
                Json("""{"type":"mention","mentioned":{"id":"28:app-id","name":"RolePlayBot"},"text":"<at>RolePlayBot</at>"}"""),
                Json("""{"type":"clientInfo","locale":"zh-CN","platform":"Web"}"""),
            ];
        }));

        Assert.Contains(Sent.Texts(replies), t => t.Contains("你们家精华液是不是有问题"));
        Assert.All(replies, r => Assert.Equal("msteams", r.ChannelId));
        Assert.All(replies, r => Assert.Equal("28:app-id", r.From!.Id));
    }

    [Fact]
    public void Someone_elses_mention_stays_in_the_reply()
    {
        var activity = new Activity
        {
            Text = "<at>Ada</at> 亲，已收到",
            Recipient = new ChannelAccount { Id = "28:app-id" },
            Entities = [Json("""{"type":"mention","mentioned":{"id":"29:ada","name":"Ada"},"text":"<at>Ada</at>"}""")],
        };

        Assert.Equal("<at>Ada</at> 亲，已收到", Bot.Conversations.InboundText.Of(activity));
    }

    [Fact]
    public async Task A_Teams_Action_Submit_without_text_is_dispatched_like_a_Web_Chat_postBack()
    {
        using var chat = new ChatHarness("msteams");

        var (replies, _) = await chat.SendAsync(chat.Activity(ActivityTypes.Message, a =>
        {
            a.Text = "";
            a.ReplyToId = "card-1";
            a.Value = Json("""{"rpb":"start","persona":"wrong-item","locale":"zh-CN"}""");
        }));

        var persona = chat.Personas.Find("wrong-item", "zh-CN")!;
        Assert.Contains(Sent.Texts(replies), t => t.StartsWith($"**{persona.Name}**"));
    }

    [Fact]
    public async Task An_adaptiveCard_action_invoke_does_the_action_and_answers_200_with_a_message_body()
    {
        using var chat = new ChatHarness("msteams");

        var (replies, invoke) = await chat.SendAsync(chat.Activity(ActivityTypes.Invoke, a =>
        {
            a.Name = "adaptiveCard/action";
            a.Value = Json("""{"action":{"type":"Action.Execute","verb":"start","data":{"persona":"allergy-complaint","locale":"zh-CN"}},"trigger":"manual"}""");
        }));

        var body = Body(invoke);
        Assert.Equal(200, body.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.activity.message", body.GetProperty("type").GetString());
        Assert.Contains("开始练习", body.GetProperty("value").GetString());
        Assert.Contains(Sent.Texts(replies), t => t.Contains("你们家精华液是不是有问题"));

        var (_, hint) = await chat.SendAsync(chat.Activity(ActivityTypes.Invoke, a =>
        {
            a.Name = "adaptiveCard/action";
            a.Value = Json("""{"action":{"type":"Action.Execute","verb":"hint"}}""");
        }));
        Assert.StartsWith("💡", Body(hint).GetProperty("value").GetString());
    }

    [Theory]
    [InlineData("""{"trigger":"manual"}""")]
    [InlineData("""{"action":{"type":"Action.Execute","verb":"launch-missiles"}}""")]
    [InlineData("""{"action":{"type":"Action.Execute","verb":"start","data":{}}}""")]
    [InlineData("""{"action":"start"}""")]
    [InlineData(null)]
    public async Task A_malformed_adaptiveCard_action_gets_200_with_a_400_error_body(string? value)
    {
        using var chat = new ChatHarness("msteams");

        var (replies, invoke) = await chat.SendAsync(chat.Activity(ActivityTypes.Invoke, a =>
        {
            a.Name = "adaptiveCard/action";
            a.Value = value is null ? null : Json(value);
        }));

        var body = Body(invoke);
        Assert.Equal(400, body.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.error", body.GetProperty("type").GetString());
        Assert.Equal("BadRequest", body.GetProperty("value").GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("value").GetProperty("message").GetString()));
        Assert.Empty(replies);
    }

    [Fact]
    public async Task An_invoke_for_an_unknown_persona_is_a_400_body_naming_the_problem()
    {
        using var chat = new ChatHarness("msteams");

        var (_, invoke) = await chat.SendAsync(chat.Activity(ActivityTypes.Invoke, a =>
        {
            a.Name = "adaptiveCard/action";
            a.Value = Json("""{"action":{"verb":"start","data":{"persona":"../../etc/passwd"}}}""");
        }));

        var body = Body(invoke);
        Assert.Equal(400, body.GetProperty("statusCode").GetInt32());
        Assert.Contains("../../etc/passwd", body.GetProperty("value").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Other_invokes_are_not_implemented()
    {
        using var chat = new ChatHarness("msteams");

        var (_, invoke) = await chat.SendAsync(chat.Activity(ActivityTypes.Invoke, a => a.Name = "composeExtension/query"));

        Assert.Equal(501, invoke!.Status);
    }

    [Fact]
    public async Task A_channel_without_cards_gets_the_welcome_feedback_and_scorecard_as_Markdown()
    {
        using var chat = new ChatHarness("telegram");

        var (welcome, _) = await chat.SendAsync(chat.Activity(ActivityTypes.ConversationUpdate, a => a.MembersAdded = [new ChannelAccount { Id = "user-1" }]));
        var list = Assert.Single(Sent.Texts(welcome));
        Assert.Contains("`allergy-complaint`", list);
        Assert.Contains("**速度**", list);

        await chat.SayAsync("start allergy-complaint");
        var replied = await chat.SayAsync(AgentScripts.Lines("allergy-complaint", "zh-CN", "good")[0]);
        var ended = await chat.SayAsync("end");

        Assert.Empty(Sent.Cards(replied.Concat(ended)));
        Assert.Contains(Sent.Texts(replied), t => t.Contains("确认收到「"));
        Assert.Contains("**成绩单", Assert.Single(Sent.Texts(ended)));
    }

    [Fact]
    public void Cards_are_built_from_json_nodes_that_serialise_to_Adaptive_Card_1_5()
    {
        var card = Bot.Conversations.Cards.CardJson.Card([Bot.Conversations.Cards.CardJson.Text("hi")]);

        Assert.Equal("""{"type":"AdaptiveCard","$schema":"http://adaptivecards.io/schemas/adaptive-card.json","version":"1.5","body":[{"type":"TextBlock","text":"hi","wrap":true}]}""", card.ToJsonString());
        Assert.IsType<JsonObject>(card);
    }
}
