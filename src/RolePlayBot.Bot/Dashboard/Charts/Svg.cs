using System.Globalization;

namespace RolePlayBot.Bot.Dashboard.Charts;

/// <summary>Numbers as SVG wants them: invariant, at most one decimal.</summary>
internal static class Svg
{
    public const int Width = 720;
    public const int Height = 300;
    public const int Left = 56;
    public const int Right = 20;
    public const int Top = 40;
    public const int Bottom = 56;

    public static Html N(double value) => Html.Trusted(Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture));

    public static string Id(string title) => "c" + ((uint)StringComparer.Ordinal.GetHashCode(title)).ToString("x", CultureInfo.InvariantCulture);

    /// <summary>Round tick values from 0 (or min) to max.</summary>
    public static IReadOnlyList<double> Ticks(double min, double max, int count = 5)
    {
        var step = (max - min) / count;
        return Enumerable.Range(0, count + 1).Select(i => min + (i * step)).ToList();
    }
}
