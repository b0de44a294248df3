using System.Runtime.CompilerServices;
using System.Text;

namespace Migration.Registry.Kato;

/// <summary>
/// Reads the statistics office's classifier file (UTF-8, optional byte-order mark, <c>;</c>-separated:
/// <c>id;parent_id;code;name</c>) as a stream, one row at a time.
/// </summary>
public static class KatoCsv
{
    public sealed record Row(int LineNumber, string Id, string ParentId, string Code, string Name);

    public static async IAsyncEnumerable<Row> Read(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (lineNumber == 1 || line.Length == 0) continue;
            var fields = line.Split(';');
            if (fields.Length < 4) throw new FormatException($"Line {lineNumber} has {fields.Length} fields; expected id;parent_id;code;name.");
            yield return new Row(lineNumber, fields[0], fields[1], fields[2].Trim(), string.Join(';', fields[3..]).Trim());
        }
    }
}
