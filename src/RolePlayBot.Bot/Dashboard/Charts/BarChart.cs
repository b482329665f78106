namespace RolePlayBot.Bot.Dashboard.Charts;

/// <summary>Horizontal bars (one row per label) or vertical columns (a histogram), drawn on the server as SVG.</summary>
public static class BarChart
{
    private const int RowHeight = 28;
    private const int LabelWidth = 250;

    /// <summary>Horizontal bars, for long labels such as checklist item names.</summary>
    public static Html Horizontal(string chart, string title, string valueTitle, IReadOnlyList<Bar> bars, double max)
    {
        var id = Svg.Id(chart + title);
        var height = Svg.Top + Math.Max(1, bars.Count) * RowHeight + 40;
        var plotWidth = Svg.Width - LabelWidth - 110;
        max = Math.Max(max, 1e-9);
        var rows = bars.Select((b, i) =>
        {
            var y = Svg.Top + (i * RowHeight);
            var width = Math.Max(0, b.Value / max * plotWidth);
            return Html.Of($"""<g class="row"><text class="label" x="{LabelWidth - 8}" y="{y + 19}" text-anchor="end">{b.Label}</text><rect class="bar" x="{LabelWidth}" y="{y + 4}" width="{Svg.N(width)}" height="{RowHeight - 8}" rx="3" fill="{b.Color ?? "var(--rpb-accent)"}" data-key="{b.Key}" data-value="{Svg.N(b.Value)}"><title>{b.Label}: {b.ValueText}</title></rect><text class="value" x="{Svg.N(LabelWidth + width + 6)}" y="{y + 19}">{b.ValueText}</text></g>""");
        });
        var empty = bars.Count == 0
            ? Html.Of($"""<text class="empty" x="{Svg.Width / 2}" y="{Svg.Top + 18}" text-anchor="middle">暂无数据 No data yet</text>""")
            : Html.Empty;
        return Html.Of($"""
            <figure class="rpb-chart">
            <svg viewBox="0 0 {Svg.Width} {height}" role="img" aria-labelledby="{id}" class="bar-chart" data-chart="{chart}" data-bars="{bars.Count}">
            <title id="{id}">{title}</title>
            <text class="chart-title" x="16" y="22">{title}</text>
            <line class="axis" x1="{LabelWidth}" x2="{LabelWidth}" y1="{Svg.Top}" y2="{height - 34}"/>
            {rows}
            {empty}
            <text class="axis-title" x="{LabelWidth + (plotWidth / 2)}" y="{height - 10}" text-anchor="middle">{valueTitle}</text>
            </svg>
            </figure>
            """);
    }

    /// <summary>Vertical columns with a category axis: a histogram of counts per bin.</summary>
    public static Html Columns(string chart, string title, string xTitle, string yTitle, IReadOnlyList<Bar> bins)
    {
        var id = Svg.Id(chart + title);
        var plotWidth = Svg.Width - Svg.Left - Svg.Right;
        var plotHeight = Svg.Height - Svg.Top - Svg.Bottom;
        var max = Math.Max(1, bins.Count == 0 ? 1 : bins.Max(b => b.Value));
        var top = Math.Ceiling(max / 5) * 5;
        var slot = plotWidth / (double)Math.Max(1, bins.Count);
        double Y(double v) => Svg.Top + plotHeight - (v / top * plotHeight);
        var grid = Svg.Ticks(0, top).Select(v => Html.Of(
            $"""<line class="grid" x1="{Svg.Left}" x2="{Svg.Width - Svg.Right}" y1="{Svg.N(Y(v))}" y2="{Svg.N(Y(v))}"/><text class="tick" x="{Svg.Left - 8}" y="{Svg.N(Y(v) + 4)}" text-anchor="end">{Svg.N(v)}</text>"""));
        var columns = bins.Select((b, i) =>
        {
            var x = Svg.Left + (i * slot);
            return Html.Of($"""<g class="column"><rect class="bar" x="{Svg.N(x + (slot * 0.1))}" y="{Svg.N(Y(b.Value))}" width="{Svg.N(slot * 0.8)}" height="{Svg.N(Svg.Top + plotHeight - Y(b.Value))}" rx="3" fill="{b.Color ?? "var(--rpb-accent)"}" data-key="{b.Key}" data-value="{Svg.N(b.Value)}"><title>{b.Label}: {b.ValueText}</title></rect><text class="value" x="{Svg.N(x + (slot / 2))}" y="{Svg.N(Y(b.Value) - 5)}" text-anchor="middle">{b.ValueText}</text><text class="tick" x="{Svg.N(x + (slot / 2))}" y="{Svg.Height - Svg.Bottom + 18}" text-anchor="middle">{b.Label}</text></g>""");
        });
        return Html.Of($"""
            <figure class="rpb-chart">
            <svg viewBox="0 0 {Svg.Width} {Svg.Height}" role="img" aria-labelledby="{id}" class="histogram" data-chart="{chart}" data-bars="{bins.Count}">
            <title id="{id}">{title}</title>
            <text class="chart-title" x="{Svg.Left}" y="22">{title}</text>
            {grid}
            <line class="axis" x1="{Svg.Left}" x2="{Svg.Left}" y1="{Svg.Top}" y2="{Svg.Height - Svg.Bottom}"/>
            <line class="axis" x1="{Svg.Left}" x2="{Svg.Width - Svg.Right}" y1="{Svg.Height - Svg.Bottom}" y2="{Svg.Height - Svg.Bottom}"/>
            {columns}
            <text class="axis-title" x="{Svg.Left + (plotWidth / 2)}" y="{Svg.Height - Svg.Bottom + 38}" text-anchor="middle">{xTitle}</text>
            <text class="axis-title" transform="translate(14,{Svg.Top + (plotHeight / 2)}) rotate(-90)" text-anchor="middle">{yTitle}</text>
            </svg>
            </figure>
            """);
    }
}
