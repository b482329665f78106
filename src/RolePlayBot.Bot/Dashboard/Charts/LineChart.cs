namespace RolePlayBot.Bot.Dashboard.Charts;

/// <summary>
/// A line chart drawn on the server as SVG: title, axis titles, grid, one polyline and one circle per point and series
/// (each circle carries data-x and data-value and a tooltip), and a legend. No script, no CDN.
/// </summary>
public static class LineChart
{
    public static Html Render(string chart, string title, string xTitle, string yTitle, IReadOnlyList<string> xLabels, IReadOnlyList<LineSeries> series, double yMin = 0, double yMax = 100)
    {
        var id = Svg.Id(chart + title);
        var plotWidth = Svg.Width - Svg.Left - Svg.Right;
        var plotHeight = Svg.Height - Svg.Top - Svg.Bottom;
        var count = xLabels.Count;
        double X(int i) => Svg.Left + (count <= 1 ? plotWidth / 2.0 : i * plotWidth / (double)(count - 1));
        double Y(double v) => Svg.Top + plotHeight - ((Math.Clamp(v, yMin, yMax) - yMin) / (yMax - yMin) * plotHeight);

        var grid = Svg.Ticks(yMin, yMax).Select(v => Html.Of(
            $"""<line class="grid" x1="{Svg.Left}" x2="{Svg.Width - Svg.Right}" y1="{Svg.N(Y(v))}" y2="{Svg.N(Y(v))}"/><text class="tick" x="{Svg.Left - 8}" y="{Svg.N(Y(v) + 4)}" text-anchor="end">{Svg.N(v)}</text>"""));
        var labelEvery = Math.Max(1, (int)Math.Ceiling(count / 12.0));
        var xTicks = xLabels.Select((label, i) => i % labelEvery == 0 || i == count - 1
            ? Html.Of($"""<text class="tick" x="{Svg.N(X(i))}" y="{Svg.Height - Svg.Bottom + 18}" text-anchor="middle">{label}</text>""")
            : Html.Empty);
        var lines = series.Select(s => Html.Of(
            $"""<g class="series" data-series="{s.Key}"><polyline fill="none" stroke="{s.Color}" stroke-width="2.5" points="{Points(s, X, Y)}"/>{s.Values.Select((v, i) => Html.Of($"""<circle class="pt" cx="{Svg.N(X(i))}" cy="{Svg.N(Y(v))}" r="4" fill="{s.Color}" data-x="{(i < count ? xLabels[i] : "")}" data-value="{Svg.N(v)}"><title>{s.Name} · {(i < count ? xLabels[i] : "")}: {Svg.N(v)}</title></circle>"""))}</g>"""));
        var legend = series.Select((s, i) => Html.Of(
            $"""<g class="legend" transform="translate({Svg.Left + (i * 170)},{Svg.Height - 10})"><rect width="14" height="4" y="-4" fill="{s.Color}"/><text x="20" y="0">{s.Name}</text></g>"""));
        var empty = count == 0
            ? Html.Of($"""<text class="empty" x="{Svg.Width / 2}" y="{Svg.Height / 2}" text-anchor="middle">暂无数据 No data yet</text>""")
            : Html.Empty;

        return Html.Of($"""
            <figure class="rpb-chart">
            <svg viewBox="0 0 {Svg.Width} {Svg.Height}" role="img" aria-labelledby="{id}" class="line-chart" data-chart="{chart}" data-points="{count}">
            <title id="{id}">{title}</title>
            <text class="chart-title" x="{Svg.Left}" y="24">{title}</text>
            {grid}
            <line class="axis" x1="{Svg.Left}" x2="{Svg.Left}" y1="{Svg.Top}" y2="{Svg.Height - Svg.Bottom}"/>
            <line class="axis" x1="{Svg.Left}" x2="{Svg.Width - Svg.Right}" y1="{Svg.Height - Svg.Bottom}" y2="{Svg.Height - Svg.Bottom}"/>
            {xTicks}
            <text class="axis-title" x="{Svg.Left + (plotWidth / 2)}" y="{Svg.Height - Svg.Bottom + 36}" text-anchor="middle">{xTitle}</text>
            <text class="axis-title" transform="translate(14,{Svg.Top + (plotHeight / 2)}) rotate(-90)" text-anchor="middle">{yTitle}</text>
            {lines}
            {legend}
            {empty}
            </svg>
            </figure>
            """);
    }

    private static string Points(LineSeries series, Func<int, double> x, Func<double, double> y) =>
        string.Join(' ', series.Values.Select((v, i) => $"{Svg.N(x(i))},{Svg.N(y(v))}"));
}
