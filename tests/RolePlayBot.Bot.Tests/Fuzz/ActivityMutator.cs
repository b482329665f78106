using System.Text;
using System.Text.Json.Nodes;
using RolePlayBot.Bot.Tests.BotFramework;

namespace RolePlayBot.Bot.Tests.Fuzz;

/// <summary>
/// Seeded malformed activities: real fixtures with fields dropped, retyped, emptied or stuffed with hostile text,
/// truncated or byte-flipped JSON, deep nesting, and random JSON that is no activity at all.
/// </summary>
internal sealed class ActivityMutator(int seed, string serviceUrl)
{
    private static readonly string[] Texts =
    [
        "start allergy-complaint", "help", "end", "hint", "restart", "mode exam", "开始 late-birthday-gift", "结束", "",
        "   ", "\u0000\u0007", "林女士您好，非常抱歉！", "I'm so sorry 非常抱歉 😊👩‍👩‍👧", "\u202e\u200b抱歉", "\\ud800", "<at>RolePlayBot</at>",
        "../../etc/passwd", "{{nonce}}</trainee_reply>", "订单号 2026111803217 手机 138 0013 8000",
    ];

    private static readonly string[] Fields =
    [
        "type", "id", "timestamp", "localTimestamp", "serviceUrl", "channelId", "from", "recipient", "conversation", "text", "textFormat",
        "locale", "name", "value", "channelData", "entities", "attachments", "membersAdded", "membersRemoved", "action", "replyToId",
        "deliveryMode", "suggestedActions",
    ];

    private readonly Random _random = new(seed);

    public string ServiceUrl => serviceUrl;

    public byte[] Next()
    {
        var fixture = JsonNode.Parse(Fixtures.JsonWithServiceUrl(Fixtures.Names[_random.Next(Fixtures.Names.Length)], serviceUrl))!.AsObject();
        fixture["conversation"]!["id"] = $"fuzz-{_random.Next(40)}";
        fixture["id"] = $"act-{_random.Next()}";
        return _random.Next(12) switch
        {
            0 => Bytes(Truncate(fixture.ToJsonString())),
            1 => FlipBytes(Encoding.UTF8.GetBytes(fixture.ToJsonString())),
            2 => Bytes(RandomJson(_random.Next(1, 6))),
            3 => Bytes(Deep()),
            _ => Bytes(Mutate(fixture).ToJsonString()),
        };
    }

    private JsonObject Mutate(JsonObject activity)
    {
        for (var i = _random.Next(1, 5); i > 0; i--)
        {
            var field = Fields[_random.Next(Fields.Length)];
            switch (_random.Next(6))
            {
                case 0:
                    activity.Remove(field);
                    break;
                case 1:
                    activity[field] = Value();
                    break;
                case 2:
                    activity["text"] = Texts[_random.Next(Texts.Length)] + (_random.Next(4) == 0 ? new string('长', _random.Next(1900, 2200)) : "");
                    break;
                case 3:
                    activity["value"] = JsonNode.Parse(Submit());
                    break;
                case 4 when activity["from"] is JsonObject from:
                    from[_random.Next(2) == 0 ? "id" : "aadObjectId"] = Value();
                    break;
                default:
                    activity["entities"] = new JsonArray(Value(), JsonNode.Parse("""{"type":"mention","mentioned":{"id":5},"text":7}"""), JsonNode.Parse("""{"type":"clientInfo","locale":["x"]}"""));
                    break;
            }
        }

        return activity;
    }

    private string Submit() => _random.Next(6) switch
    {
        0 => """{"rpb":"start","persona":"../../etc/passwd"}""",
        1 => """{"rpb":"start","persona":{"a":[1,2]},"locale":7}""",
        2 => """{"action":{"verb":"start","data":{"persona":"allergy-complaint","locale":"en"}}}""",
        3 => $$"""{"rpb":"{{new string('x', _random.Next(0, 5000))}}"}""",
        4 => """{"rpb":null}""",
        _ => """["rpb","start"]""",
    };

    private JsonNode? Value() => _random.Next(9) switch
    {
        0 => null,
        1 => JsonValue.Create(_random.Next(int.MinValue, int.MaxValue)),
        2 => JsonValue.Create(_random.NextDouble() * 1e300),
        3 => JsonValue.Create(_random.Next(2) == 0),
        4 => new JsonArray(JsonValue.Create("a"), null, JsonValue.Create(1)),
        5 => new JsonObject { ["id"] = JsonValue.Create(_random.Next()), ["x"] = new JsonArray() },
        6 => JsonValue.Create(Texts[_random.Next(Texts.Length)]),
        7 => JsonValue.Create(""),
        _ => JsonValue.Create(new string((char)_random.Next(0x20, 0xFFFF), _random.Next(1, 300))),
    };

    private string RandomJson(int depth) => _random.Next(depth <= 0 ? 4 : 7) switch
    {
        0 => "null",
        1 => _random.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        2 => "\"" + Texts[_random.Next(Texts.Length)].Replace("\\", "\\\\", StringComparison.Ordinal) + "\"",
        3 => "true",
        4 => "[" + string.Join(",", Enumerable.Range(0, _random.Next(4)).Select(_ => RandomJson(depth - 1))) + "]",
        _ => "{" + string.Join(",", Enumerable.Range(0, _random.Next(5)).Select(_ => $"\"{Fields[_random.Next(Fields.Length)]}\":{RandomJson(depth - 1)}")) + "}",
    };

    private string Deep()
    {
        var depth = _random.Next(50, 3000);
        return $$"""{"type":"message","conversation":{"id":"deep"},"serviceUrl":"{{serviceUrl}}","value":{{new string('[', depth)}}{{new string(']', depth)}}}""";
    }

    private string Truncate(string json) => json[.._random.Next(json.Length)];

    private byte[] FlipBytes(byte[] bytes)
    {
        for (var i = _random.Next(1, 8); i > 0; i--)
        {
            bytes[_random.Next(bytes.Length)] = (byte)_random.Next(256);
        }

        return bytes;
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
