using RolePlayBot.Core.Personas;

namespace RolePlayBot.Core.Tests.Personas;

public sealed class PersonaCatalogTests
{
    private static readonly Persona Chinese = Sample("zh-CN");
    private static readonly Persona English = Sample("en");

    [Theory]
    [InlineData("en", "en")]
    [InlineData("en-US", "en")]
    [InlineData("zh-CN", "zh-CN")]
    [InlineData(null, "zh-CN")]
    public void Find_prefers_the_requested_locale(string? requested, string expected)
    {
        var catalog = new PersonaCatalog([English, Chinese]);

        Assert.Equal(expected, catalog.Find("sample-late-parcel", requested)?.Locale);
    }

    [Fact]
    public void Find_falls_back_to_chinese_then_to_any()
    {
        Assert.Equal("zh-CN", new PersonaCatalog([Chinese]).Find("sample-late-parcel", "en")?.Locale);
        Assert.Equal("en", new PersonaCatalog([English]).Find("sample-late-parcel", "zh-CN")?.Locale);
        Assert.Null(new PersonaCatalog([English]).Find("nobody"));
    }

    [Fact]
    public void Lists_ids_once_and_locales_per_id()
    {
        var catalog = new PersonaCatalog([Chinese, English]);

        Assert.Equal(["sample-late-parcel"], catalog.Ids);
        Assert.Equal(["zh-CN", "en"], catalog.LocalesOf("sample-late-parcel"));
        Assert.False(catalog.HasErrors);
    }

    private static Persona Sample(string locale)
    {
        var text = SamplePersona.With("locale: en", $"locale: {locale}");
        return new PersonaLoader().Parse($"sample.{locale}.md", System.Text.Encoding.UTF8.GetBytes(text)).Persona!;
    }
}
