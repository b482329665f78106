namespace RolePlayBot.Bot.Dashboard.Charts;

/// <summary>One line of a line chart: a name for the legend, a CSS colour, one value per x position.</summary>
public sealed record LineSeries(string Key, string Name, string Color, IReadOnlyList<double> Values);

/// <summary>One bar: its label, its value and how to print the value.</summary>
public sealed record Bar(string Key, string Label, double Value, string ValueText, string? Color = null);
