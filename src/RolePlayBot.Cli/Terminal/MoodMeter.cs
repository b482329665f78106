using RolePlayBot.Core;
using RolePlayBot.Core.Mood;
using Spectre.Console;

namespace RolePlayBot.Cli.Terminal;

/// <summary>Anger and patience as two small bars.</summary>
internal static class MoodMeter
{
    public static string Markup(MoodState mood, string locale)
    {
        var zh = Locales.IsChinese(locale);
        return $"{(zh ? "愤怒" : "Anger")} [red]{Bar(mood.Anger)}[/] {mood.Anger,3}   {(zh ? "耐心" : "Patience")} [green]{Bar(mood.Patience)}[/] {mood.Patience,3}";
    }

    public static void Write(MoodState mood, string locale) => AnsiConsole.MarkupLine("[grey]" + Markup(mood, locale) + "[/]");

    private static string Bar(int value)
    {
        var filled = (int)Math.Round(value / 10.0);
        return new string('█', filled) + new string('░', 10 - filled);
    }
}
