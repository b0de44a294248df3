using System.Xml;
using System.Xml.Linq;

namespace Migration.SubsidyPayment.Banking;

/// <summary>
/// Reads XML that came from outside (a bank file, an upload) without letting it reach anything else: DTDs are refused
/// outright, so neither entity expansion ("billion laughs") nor external entities (XXE) can happen, and there is no
/// resolver to fetch anything. Line numbers are kept for the schema errors. Limiting the size is the caller's job.
/// </summary>
public static class SafeXml
{
    private static XmlReaderSettings Settings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 0,
        IgnoreProcessingInstructions = true,
        IgnoreComments = true,
        IgnoreWhitespace = true,
        CloseInput = false,
    };

    /// <exception cref="XmlException">The content is not well-formed XML, or it declares a DTD.</exception>
    public static XDocument Load(Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var reader = XmlReader.Create(content, Settings());
        return XDocument.Load(reader, LoadOptions.SetLineInfo);
    }

    /// <exception cref="XmlException">The content is not well-formed XML, or it declares a DTD.</exception>
    public static XDocument Load(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var stream = new MemoryStream(content, writable: false);
        return Load(stream);
    }

    /// <summary>Reads an XML schema shipped inside this assembly, under the same rules as any other input.</summary>
    internal static XmlReader CreateReader(Stream content) => XmlReader.Create(content, Settings());
}
