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
    public void Values_of_very_different_sizes_packed_one_after_another_each_come_back_exactly()
    {
        // One thread packs a turn's state and replies in turn, small and large; none may carry a trace of another.
        var sizes = new[] { 3_000, 600_000, 1_500, 40_000, 2_000 };
        var values = sizes.Select((n, i) => JsonSerializer.Serialize(new { i, text = string.Concat(Enumerable.Range(0, n / 8).Select(k => $"{k % 97}啊😡")) })).ToList();

        var packed = values.Select(PackedJson.Pack).ToList();

        Assert.All(packed, p => Assert.StartsWith(PackedJson.Prefix, p));
        Assert.Equal(values, packed.Select(PackedJson.Unpack));
        Assert.Equal(values, packed.Select(p => System.Text.Encoding.UTF8.GetString(PackedJson.Utf8(p))));
    }

    [Fact]
    public void State_stored_before_packing_existed_still_reads()
    {
        var old = JsonSerializer.Serialize(new { padding = new string('长', 4000) });
        Assert.False(PackedJson.IsPacked(old));
        Assert.Equal(old, PackedJson.Unpack(old));
    }
}
