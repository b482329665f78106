using System.Globalization;
using System.Xml.Linq;

namespace RolePlayBot.Bot.Tests.Dashboard;

/// <summary>Finds a chart on a page by its data-chart name and reads it as XML (the SVG the pages write is well formed).</summary>
internal static class Svgs
{
    public static XElement Chart(string page, string name)
    {
        var start = page.IndexOf($"data-chart=\"{name}\"", StringComparison.Ordinal);
        Assert.True(start > 0, $"no chart '{name}' on the page");
        start = page.LastIndexOf("<svg", start, StringComparison.Ordinal);
        var end = page.IndexOf("</svg>", start, StringComparison.Ordinal) + "</svg>".Length;
        return XElement.Parse(page[start..end]);
    }

    public static IEnumerable<XElement> WithClass(this XElement svg, string name, string cssClass) =>
        svg.Descendants().Where(e => e.Name.LocalName == name && ((string?)e.Attribute("class"))?.Split(' ').Contains(cssClass) == true);

    public static IReadOnlyList<double> Values(this IEnumerable<XElement> elements) =>
        elements.Select(e => double.Parse((string)e.Attribute("data-value")!, CultureInfo.InvariantCulture)).ToList();

    public static XElement Series(this XElement svg, string key) =>
        svg.Descendants().Single(e => e.Name.LocalName == "g" && (string?)e.Attribute("data-series") == key);

    public static string Title(this XElement svg) => svg.Elements().Single(e => e.Name.LocalName == "title").Value;
}
