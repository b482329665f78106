using RolePlayBot.Core.Text;

namespace RolePlayBot.Core.Tests.Text;

public sealed class CanonicalTextsTests
{
    [Fact]
    public void An_equal_text_gets_the_first_instance_back()
    {
        var texts = new CanonicalTexts(8);
        var first = new string('客', 3) + "服";
        var again = new string('客', 3) + "服";

        Assert.Same(first, texts.Canonical(first));
        Assert.Same(first, texts.Canonical(again));
        Assert.NotSame(again, texts.Canonical(again));
    }

    [Fact]
    public void Distinct_texts_past_the_capacity_start_the_memory_again_instead_of_growing()
    {
        var texts = new CanonicalTexts(4);

        for (var i = 0; i < 100; i++)
        {
            var text = $"turn {i}";
            Assert.Same(text, texts.Canonical(text));
            Assert.InRange(texts.Count, 1, 4);
        }
    }
}
