using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Migration.SubsidyPayment.Banking;

/// <summary>
/// The official ISO 20022 schemas of the bank files (embedded from <c>Banking/Schemas</c>), and validation against them.
/// Every exported pain.001 is checked before it leaves, and every statement is checked before anything is read from it:
/// the schema is the contract with the bank, so a file that breaks it is refused whole rather than half understood.
/// </summary>
/// <remarks>
/// Each schema is read and compiled once, on first use. <see cref="XmlSchemaSet"/> is not documented as safe for
/// concurrent validation (validators share its name table), so validations against the same set take turns behind a
/// lock; a bank file is validated a few times a day, never on a hot path.
/// </remarks>
public static class Iso20022Schemas
{
    private static readonly Lazy<XmlSchemaSet>[] Sets =
        [.. Enum.GetValues<Iso20022MessageKind>().Select(kind => new Lazy<XmlSchemaSet>(() => Load(kind)))];

    /// <summary>The kind of <paramref name="document"/>, from the namespace of its root element.</summary>
    public static bool TryDetect(XDocument document, out Iso20022MessageKind kind)
    {
        ArgumentNullException.ThrowIfNull(document);
        kind = default;
        return document.Root is { } root && Iso20022MessageKinds.TryFromNamespace(root.Name.NamespaceName, out kind);
    }

    /// <summary>
    /// Validates <paramref name="document"/> against the schema its root namespace names. An unknown namespace is one
    /// more error, not an exception: the caller refuses the file either way.
    /// </summary>
    /// <returns>The errors, each with its line and position when the document was loaded with line information; empty when valid.</returns>
    public static IReadOnlyList<string> Validate(XDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Root is null) return ["The document has no root element."];
        if (!TryDetect(document, out var kind))
        {
            return [$"The root element {document.Root.Name.LocalName} in namespace '{document.Root.Name.NamespaceName}' is not one of "
                    + $"{string.Join(", ", Enum.GetValues<Iso20022MessageKind>().Select(k => k.FullName()))}."];
        }
        return Validate(document, kind);
    }

    /// <summary>Validates <paramref name="document"/> against the schema of <paramref name="kind"/>, whatever its root says.</summary>
    public static IReadOnlyList<string> Validate(XDocument document, Iso20022MessageKind kind)
    {
        ArgumentNullException.ThrowIfNull(document);
        var set = Sets[(int)kind].Value;
        var errors = new List<string>();
        lock (set)
        {
            // Warnings count too: against these closed schemas a warning means content the schema does not describe.
            document.Validate(set, (sender, e) => errors.Add(Describe(sender, e)), addSchemaInfo: false);
        }
        return errors;
    }

    private static string Describe(object? sender, ValidationEventArgs e)
    {
        var (line, position) = sender is IXmlLineInfo info && info.HasLineInfo()
            ? (info.LineNumber, info.LinePosition)
            : (e.Exception?.LineNumber ?? 0, e.Exception?.LinePosition ?? 0);
        return line > 0
            ? string.Create(CultureInfo.InvariantCulture, $"Line {line}, position {position}: {e.Message}")
            : e.Message;
    }

    private static XmlSchemaSet Load(Iso20022MessageKind kind)
    {
        var name = $"{typeof(Iso20022Schemas).Namespace}.Schemas.{kind.FullName()}.xsd";
        using var stream = typeof(Iso20022Schemas).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The schema {name} is not embedded in {typeof(Iso20022Schemas).Assembly.GetName().Name}.");
        using var reader = SafeXml.CreateReader(stream);
        var set = new XmlSchemaSet { XmlResolver = null };
        set.Add(kind.Namespace(), reader);
        set.Compile();
        return set;
    }
}
