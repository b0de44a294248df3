namespace Migration.ServiceDefaults.Importing;

/// <summary>
/// The columns of an import file, found by name in its header: in any order, any case; the required ones must be
/// there, and a column the format does not know is refused (a misspelt column would otherwise be silently ignored).
/// </summary>
public sealed class CsvColumns
{
    private readonly Dictionary<string, int> _index;

    private CsvColumns(Dictionary<string, int> index, int count)
    {
        _index = index;
        Count = count;
    }

    /// <summary>How many fields every record has.</summary>
    public int Count { get; }

    /// <summary>The columns of <paramref name="header"/>, or what is wrong with it.</summary>
    public static (CsvColumns? Columns, string? Problem) Match(IReadOnlyList<string> header, IImportFormat format)
    {
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
        {
            var known = format.Columns.FirstOrDefault(c => string.Equals(c, header[i], StringComparison.OrdinalIgnoreCase));
            if (known is null) return (null, $"Column '{header[i]}' is not one of: {string.Join(", ", format.Columns)}.");
            if (!index.TryAdd(known, i)) return (null, $"Column '{known}' appears twice.");
        }

        var missing = format.Required.Where(c => !index.ContainsKey(c)).ToList();
        return missing.Count > 0
            ? (null, $"The header lacks the column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)}.")
            : (new CsvColumns(index, header.Count), null);
    }

    /// <summary>The trimmed value of <paramref name="column"/>; null when the column is absent or the field is blank.</summary>
    public string? Get(CsvRecord record, string column) =>
        _index.TryGetValue(column, out var i) && !string.IsNullOrWhiteSpace(record.Fields[i]) ? record.Fields[i].Trim() : null;
}
