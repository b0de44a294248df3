using System.Runtime.CompilerServices;
using Migration.Registry.Households;
using Migration.ServiceDefaults.Importing;

namespace Migration.Registry.Importing;

/// <summary>
/// The rows of one household in a households file: contiguous rows sharing a <c>householdRef</c>. A household ends
/// where the reference changes. Rows that cannot be read as part of any household (wrong number of fields, no
/// reference) are <see cref="Strays"/>, settled together with the household they sit in so the file is settled in order.
/// </summary>
public sealed class HouseholdRows(string? reference)
{
    private readonly List<CsvRecord> _rows = [];
    private readonly List<int> _overflow = [];
    private readonly List<CsvRecord> _strays = [];

    /// <summary>The reference; null for a group made only of stray rows.</summary>
    public string? Reference { get; } = reference;

    /// <summary>The household's rows, up to one more than a household may have.</summary>
    public IReadOnlyList<CsvRecord> Rows => _rows;

    /// <summary>The lines of the rows beyond <see cref="Rows"/> (only the line numbers are kept, to reject them).</summary>
    public IReadOnlyList<int> Overflow => _overflow;

    public IReadOnlyList<CsvRecord> Strays => _strays;

    public IEnumerable<int> Lines => _rows.Select(r => r.Line).Concat(_overflow);

    public int LastLine => Math.Max(_rows.Count > 0 ? _rows[^1].Line : 0, Math.Max(_overflow.Count > 0 ? _overflow[^1] : 0, _strays.Count > 0 ? _strays[^1].Line : 0));

    /// <summary>Reads the file's records as households, one at a time.</summary>
    public static async IAsyncEnumerable<HouseholdRows> Read(IAsyncEnumerable<CsvRecord> records, CsvColumns columns, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        HouseholdRows? current = null;
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            var reference = record.Fields.Length == columns.Count ? columns.Get(record, "householdRef") : null;
            if (reference is null)
            {
                if (current is null) yield return Stray(record);
                else current._strays.Add(record);
                continue;
            }

            if (current is not null && string.Equals(current.Reference, reference, StringComparison.Ordinal))
            {
                current.Add(record);
                continue;
            }

            if (current is not null) yield return current;
            current = new HouseholdRows(reference);
            current.Add(record);
        }

        if (current is not null) yield return current;
    }

    private static HouseholdRows Stray(CsvRecord record)
    {
        var group = new HouseholdRows(null);
        group._strays.Add(record);
        return group;
    }

    private void Add(CsvRecord record)
    {
        if (_rows.Count <= RegisteringHousehold.MaxMembers) _rows.Add(record);
        else _overflow.Add(record.Line);
    }
}
