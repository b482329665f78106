using System.Text.Json;
using System.Text.Json.Nodes;
using RolePlayBot.Bot.Protocol;

namespace RolePlayBot.Bot.Tests.BotFramework;

public sealed class ActivityFixtureTests
{
    [Theory]
    [MemberData(nameof(Fixtures.All), MemberType = typeof(Fixtures))]
    public void Every_field_survives_a_round_trip(string fixture)
    {
        var original = JsonNode.Parse(Fixtures.Json(fixture))!;

        var roundTripped = JsonNode.Parse(JsonSerializer.Serialize(Fixtures.Activity(fixture), BotJson.Options))!;

        AssertSameJson(original, roundTripped, "$");
    }

    [Fact]
    public void A_Teams_personal_message_keeps_its_clientInfo_entity_and_aad_object_id()
    {
        var activity = Fixtures.Activity("teams-personal-message");

        Assert.Equal("6b4e0f8d-3c1a-4e2f-9a7b-1c2d3e4f5a6b", activity.From!.AadObjectId);
        Assert.Equal("personal", activity.Conversation!.ConversationType);
        var clientInfo = Assert.Single(activity.Entities!);
        Assert.Equal("clientInfo", clientInfo.GetProperty("type").GetString());
        Assert.Equal("Asia/Shanghai", clientInfo.GetProperty("timezone").GetString());
    }

    [Fact]
    public void A_Teams_channel_message_carries_the_mention_of_the_bot()
    {
        var activity = Fixtures.Activity("teams-channel-mention");

        Assert.StartsWith("<at>RolePlayBot</at>", activity.Text);
        var mention = activity.Entities!.Single(e => e.GetProperty("type").GetString() == "mention");
        Assert.Equal(activity.Recipient!.Id, mention.GetProperty("mentioned").GetProperty("id").GetString());
        Assert.Contains(";messageid=", activity.Conversation!.Id);
    }

    [Fact]
    public void A_Teams_card_submit_is_a_message_with_value_and_the_card_id()
    {
        var activity = Fixtures.Activity("teams-card-submit");

        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Null(activity.Text);
        Assert.Equal("1710404470001", activity.ReplyToId);
        Assert.Equal("angry-refund", activity.Value!.Value.GetProperty("personaId").GetString());
    }

    [Fact]
    public void An_adaptive_card_action_invoke_keeps_its_verb_and_data()
    {
        var activity = Fixtures.Activity("teams-adaptive-card-action-invoke");

        Assert.Equal(ActivityTypes.Invoke, activity.Type);
        Assert.Equal("adaptiveCard/action", activity.Name);
        var action = activity.Value!.Value.GetProperty("action");
        Assert.Equal("endSession", action.GetProperty("verb").GetString());
        Assert.Equal("s-20250314-0001", action.GetProperty("data").GetProperty("sessionId").GetString());
    }

    [Fact]
    public void A_Teams_conversation_update_lists_the_bot_and_the_user_as_added()
    {
        var activity = Fixtures.Activity("teams-conversation-update-members-added");

        Assert.Equal(ActivityTypes.ConversationUpdate, activity.Type);
        Assert.Contains(activity.MembersAdded!, m => m.Id == activity.Recipient!.Id);
        Assert.Contains(activity.MembersAdded!, m => m.Id == activity.From!.Id);
    }

    [Fact]
    public void A_Web_Chat_message_keeps_its_client_activity_id_and_unknown_fields()
    {
        var activity = Fixtures.Activity("webchat-directline-message");

        Assert.Equal("1710405612345abcdefgh", activity.ChannelData!.Value.GetProperty("clientActivityID").GetString());
        Assert.Equal("user", activity.From!.Role);
        Assert.Equal("stream", activity.Extra!["deliveryMode"].GetString());
    }

    /// <summary>Deep equality, except that timestamps compare as instants: System.Text.Json writes "+00:00" where the channel wrote "Z".</summary>
    private static void AssertSameJson(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected)
        {
            case JsonObject expectedObject:
                var actualObject = Assert.IsType<JsonObject>(actual);
                Assert.Equal(expectedObject.Select(p => p.Key).Order(), actualObject.Select(p => p.Key).Order());
                foreach (var (name, value) in expectedObject)
                {
                    AssertSameJson(value, actualObject[name], $"{path}.{name}");
                }

                break;
            case JsonArray expectedArray:
                var actualArray = Assert.IsType<JsonArray>(actual);
                Assert.Equal(expectedArray.Count, actualArray.Count);
                for (var i = 0; i < expectedArray.Count; i++)
                {
                    AssertSameJson(expectedArray[i], actualArray[i], $"{path}[{i}]");
                }

                break;
            case JsonValue when path is "$.timestamp" or "$.localTimestamp":
                Assert.Equal(DateTimeOffset.Parse(expected.GetValue<string>()), DateTimeOffset.Parse(actual!.GetValue<string>()));
                break;
            default:
                Assert.True(JsonNode.DeepEquals(expected, actual), $"{path}: expected {expected?.ToJsonString()}, got {actual?.ToJsonString()}");
                break;
        }
    }
}
