using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace RolePlayBot.Bot.Dashboard;

/// <summary>
/// A piece of HTML that is safe to write: built only from literal markup in the code and from values that are
/// HTML-encoded on the way in. <c>Html.Of($"&lt;td&gt;{name}&lt;/td&gt;")</c> encodes <c>name</c>; only another
/// <see cref="Html"/> is inserted as it is. Chinese stays readable (only markup characters are escaped).
/// </summary>
public readonly struct Html
{
    internal static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly string? value;

    private Html(string value) => this.value = value;

    public static Html Empty => new(string.Empty);

    public static Html Of([InterpolatedStringHandlerArgument] ref HtmlBuilder builder) => new(builder.ToStringAndClear());

    /// <summary>Encoded text.</summary>
    public static Html Text(string? text) => new(Encoder.Encode(text ?? string.Empty));

    public static Html Join(IEnumerable<Html> parts) => new(string.Concat(parts.Select(p => p.ToString())));

    /// <summary>For markup the code itself produced (e.g. a number formatted invariantly). Never for user text.</summary>
    internal static Html Trusted(string markup) => new(markup);

    public override string ToString() => value ?? string.Empty;
}

/// <summary>The interpolation handler behind <see cref="Html.Of"/>: literals verbatim, values encoded.</summary>
[InterpolatedStringHandler]
public ref struct HtmlBuilder
{
    private readonly StringBuilder builder;

    public HtmlBuilder(int literalLength, int formattedCount) => builder = new StringBuilder(literalLength + (formattedCount * 16));

    public readonly void AppendLiteral(string literal) => builder.Append(literal);

    public readonly void AppendFormatted(Html html) => builder.Append(html.ToString());

    public readonly void AppendFormatted(IEnumerable<Html> parts)
    {
        foreach (var part in parts)
        {
            builder.Append(part.ToString());
        }
    }

    public readonly void AppendFormatted(string? text) => builder.Append(Html.Encoder.Encode(text ?? string.Empty));

    public readonly void AppendFormatted<T>(T value, string? format = null)
    {
        var text = value is IFormattable formattable ? formattable.ToString(format, CultureInfo.InvariantCulture) : value?.ToString();
        builder.Append(Html.Encoder.Encode(text ?? string.Empty));
    }

    internal readonly string ToStringAndClear()
    {
        var text = builder.ToString();
        builder.Clear();
        return text;
    }
}
