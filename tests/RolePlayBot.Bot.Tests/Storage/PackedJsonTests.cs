using System.Text.Json;
using RolePlayBot.Bot.Storage;

namespace RolePlayBot.Bot.Tests.Storage;

public sealed class PackedJsonTests
{
    [Fact]
    public void Small_json_is_stored_as_it_is()
    {
        const string json = """{"text":"亲，您好"}""";
        Assert.Same(json, PackedJson.Pack(json));
        Assert.Equal(json, PackedJson.Unpack(json));
    }

    [Fact]
    public void Large_json_is_packed_much_smaller_and_comes_back_exactly_with_its_chinese_and_emoji()
    {
        var turns = Enumerable.Range(1, 12).Select(i => new { index = i, customer = $"我的精华液用了脸上起红疹 😡 第{i}次", critique = "先确认收到，再表达理解。" });
        var json = JsonSerializer.Serialize(new { session = new { turns } });

        var packed = PackedJson.Pack(json);

        Assert.StartsWith(PackedJson.Prefix, packed);
        Assert.True(packed.Length < json.Length / 2, $"{packed.Length} of {json.Length} characters");
        Assert.Equal(json, PackedJson.Unpack(packed));
        Assert.Equal(json, System.Text.Encoding.UTF8.GetString(PackedJson.Utf8(packed)));
    }

    [Fact]
    public void State_stored_before_packing_existed_still_reads()
    {
        var old = JsonSerializer.Serialize(new { padding = new string('长', 4000) });
        Assert.False(PackedJson.IsPacked(old));
        Assert.Equal(old, PackedJson.Unpack(old));
    }
}
