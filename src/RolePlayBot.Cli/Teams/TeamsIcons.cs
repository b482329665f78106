namespace RolePlayBot.Cli.Teams;

/// <summary>
/// The app's icons, drawn in code: a speech bubble with three dots. color.png is 192×192, white on the accent colour;
/// outline.png is 32×32, white on transparent, as Teams requires.
/// </summary>
public static class TeamsIcons
{
    public const string AccentColor = "#C2410C";

    private const int Samples = 4;

    public static byte[] Color() => Draw(192, background: (0xC2, 0x41, 0x0C, 255), dots: (0xC2, 0x41, 0x0C, 255));

    public static byte[] Outline() => Draw(32, background: (0, 0, 0, 0), dots: (0, 0, 0, 0));

    private static byte[] Draw(int size, (byte R, byte G, byte B, byte A) background, (byte R, byte G, byte B, byte A) dots)
    {
        var rgba = new byte[size * size * 4];
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                // Supersample for smooth edges: the share of the pixel covered by the bubble (minus the dots) is white.
                var covered = 0;
                for (var sy = 0; sy < Samples; sy++)
                {
                    for (var sx = 0; sx < Samples; sx++)
                    {
                        var u = (x + ((sx + 0.5) / Samples)) / size;
                        var v = (y + ((sy + 0.5) / Samples)) / size;
                        covered += InBubble(u, v) && !InDot(u, v) ? 1 : 0;
                    }
                }

                var white = covered / (double)(Samples * Samples);
                var under = InDot((x + 0.5) / size, (y + 0.5) / size) ? dots : background;
                var i = ((y * size) + x) * 4;
                if (under.A == 0)
                {
                    // Transparent background: pure white, coverage in alpha.
                    rgba[i] = rgba[i + 1] = rgba[i + 2] = 255;
                    rgba[i + 3] = (byte)Math.Round(255 * white);
                }
                else
                {
                    rgba[i] = Blend(under.R, white);
                    rgba[i + 1] = Blend(under.G, white);
                    rgba[i + 2] = Blend(under.B, white);
                    rgba[i + 3] = 255;
                }
            }
        }

        return Png.Encode(size, size, rgba);
    }

    private static byte Blend(byte colour, double white) => (byte)Math.Round((colour * (1 - white)) + (255 * white));

    private static bool InBubble(double u, double v) => InRoundedRect(u, v, 0.16, 0.2, 0.84, 0.66, 0.13) || InTail(u, v);

    private static bool InRoundedRect(double u, double v, double left, double top, double right, double bottom, double radius)
    {
        if (u < left || u > right || v < top || v > bottom)
        {
            return false;
        }

        var cx = Math.Clamp(u, left + radius, right - radius);
        var cy = Math.Clamp(v, top + radius, bottom - radius);
        return ((u - cx) * (u - cx)) + ((v - cy) * (v - cy)) <= radius * radius;
    }

    /// <summary>The bubble's tail: a triangle under its lower left.</summary>
    private static bool InTail(double u, double v)
    {
        (double X, double Y) a = (0.28, 0.6), b = (0.46, 0.6), c = (0.24, 0.82);
        var d1 = Side((u, v), a, b);
        var d2 = Side((u, v), b, c);
        var d3 = Side((u, v), c, a);
        return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
    }

    private static double Side((double X, double Y) p, (double X, double Y) a, (double X, double Y) b) =>
        ((p.X - b.X) * (a.Y - b.Y)) - ((a.X - b.X) * (p.Y - b.Y));

    private static bool InDot(double u, double v)
    {
        foreach (var cx in new[] { 0.34, 0.5, 0.66 })
        {
            if (((u - cx) * (u - cx)) + ((v - 0.43) * (v - 0.43)) <= 0.055 * 0.055)
            {
                return true;
            }
        }

        return false;
    }
}
