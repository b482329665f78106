namespace RolePlayBot.Core;

/// <summary>The two session languages: zh-CN first, English second.</summary>
public static class Locales
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    public static bool IsChinese(string? locale) =>
        locale is null || locale.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

    /// <summary>Maps any incoming locale ("zh", "zh-cn", "en-US", null) to one of the two supported ones.</summary>
    public static string Normalize(string? locale) => IsChinese(locale) ? Chinese : English;
}
