using RolePlayBot.Core.Text;

namespace RolePlayBot.Core.Tests.Rules;

public sealed class TextNormalizerTests
{
    [Fact]
    public void Folds_full_width_lower_cases_latin_and_strips_invisible_characters()
    {
        var text = TextNormalizer.Normalize("ＯＫ，退款\u200B已提交！\u202EＡＢＣ　　123");
        Assert.Equal("ok,退款已提交!abc 123", text.Text);
    }

    [Fact]
    public void Collapses_whitespace_and_keeps_emoji()
    {
        var text = TextNormalizer.Normalize("  好的   亲 \t 😊  ");
        Assert.Equal("好的 亲 😊", text.Text);
    }

    [Theory]
    [InlineData("亲，退款我已经帮您提交了，金额 ８９ 元。")]
    [InlineData("ＩＴ'Ｓ　ＯＮ　ＵＳ\u200D — I’ll refund $12.50 today")]
    [InlineData("\u200B\u200B抱\u200C歉\uFEFF，我们\u2066马上\u2069处理")]
    public void Every_span_maps_back_to_an_exact_substring_of_the_original(string original)
    {
        var text = TextNormalizer.Normalize(original);
        for (var start = 0; start < text.Text.Length; start++)
        {
            for (var end = start + 1; end <= text.Text.Length; end++)
            {
                var span = text.ToOriginal(new TextSpan(start, end));
                Assert.Equal(original.Substring(span.Start, span.Length), text.OriginalSubstring(new TextSpan(start, end)));
                Assert.True(span.Length >= end - start);
            }
        }
    }

    [Fact]
    public void Splits_clauses_on_chinese_and_english_punctuation_but_not_decimals()
    {
        var text = TextNormalizer.Normalize("您好，退款12.5元已提交！请查收；谢谢. Thanks\n再见");
        var clauses = text.Clauses.Select(c => text.Text[c.Start..c.End]).ToList();
        Assert.Equal(["您好", "退款12.5元已提交", "请查收", "谢谢", "thanks", "再见"], clauses);
    }

    [Fact]
    public void Empty_and_null_replies_normalise_to_nothing()
    {
        Assert.Equal("", TextNormalizer.Normalize(null).Text);
        Assert.Empty(TextNormalizer.Normalize("\u200B  ").Clauses);
    }
}
