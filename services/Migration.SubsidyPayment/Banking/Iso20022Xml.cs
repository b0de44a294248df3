using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Migration.SubsidyPayment.Banking;

/// <summary>
/// Reading values out of an ISO 20022 document: children are looked up in their parent's namespace (each message
/// version has its own), and numbers and dates are read in their XML Schema lexical forms, never in a culture's.
/// </summary>
internal static class Iso20022Xml
{
    public static XElement? Child(XElement parent, string name) => parent.Element(parent.Name.Namespace + name);

    public static IEnumerable<XElement> Children(XElement parent, string name) => parent.Elements(parent.Name.Namespace + name);

    /// <summary>The text of the child at <paramref name="path"/> (names separated by '/'), or null when any step is missing.</summary>
    public static string? Text(XElement parent, string path)
    {
        XElement? current = parent;
        foreach (var step in path.Split('/'))
            current = current is null ? null : Child(current, step);
        var text = current?.Value.Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    /// <exception cref="FormatException">There is no such child.</exception>
    public static XElement Required(XElement parent, string name) =>
        Child(parent, name) ?? throw new FormatException($"{parent.Name.LocalName} has no {name}.");

    /// <exception cref="FormatException">There is no such child, or it is empty.</exception>
    public static string RequiredText(XElement parent, string name) =>
        Text(parent, name) ?? throw new FormatException($"{parent.Name.LocalName} has no {name}.");

    /// <summary>An xs:decimal, e.g. <c>216300.00</c>.</summary>
    public static decimal Decimal(XElement element) => XmlConvert.ToDecimal(element.Value);

    /// <summary>An xs:dateTime; one without an offset is taken as UTC.</summary>
    public static DateTimeOffset DateTime(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    /// <summary>An xs:date, ignoring a time-zone suffix (<c>2026-03-02+05:00</c> is the 2nd of March).</summary>
    public static DateOnly Date(string text) =>
        DateOnly.ParseExact(text.Trim()[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
