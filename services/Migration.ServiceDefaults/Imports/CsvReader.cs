using System.Text;

namespace Migration.ServiceDefaults.Importing;

/// <summary>One record of a CSV file: the line it starts on (the header is line 1) and its fields.</summary>
public sealed record CsvRecord(int Line, string[] Fields);

/// <summary>The file cannot be read as CSV from <see cref="Line"/> on; the import stops there.</summary>
public sealed class CsvFormatException(int line, string message) : FormatException($"Line {line}: {message}")
{
    public int Line { get; } = line;
}

/// <summary>
/// A small streaming RFC 4180 reader. Records end at CRLF, LF or CR; fields are separated by <c>;</c> or <c>,</c>,
/// whichever the header line uses; a quoted field may hold separators, line breaks and doubled quotes. UTF-8 with or
/// without a byte-order mark. Only the current record is held in memory, so files of any length stream through.
/// Lenient where RFC 4180 is silent: a quote inside an unquoted field, or text after a closing quote, is kept as text.
/// </summary>
public sealed class CsvReader : IDisposable
{
    /// <summary>No field is longer: a quote left open would otherwise swallow the rest of the file.</summary>
    public const int MaxFieldLength = 64 * 1024;

    private enum State
    {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }

    private readonly TextReader _reader;
    private readonly char[] _buffer = new char[32 * 1024];
    private readonly StringBuilder _field = new();
    private readonly List<string> _fields = [];
    private int _position;
    private int _length;
    private int _line = 1;
    private bool _skipLineFeed;
    private State _state;

    private CsvReader(TextReader reader) => _reader = reader;

    public char Separator { get; private set; }

    /// <summary>The header's column names, trimmed.</summary>
    public IReadOnlyList<string> Header { get; private set; } = [];

    /// <summary>Opens a CSV stream and reads its header; null when the stream holds no header line.</summary>
    public static async Task<CsvReader?> Open(Stream stream, CancellationToken cancellationToken)
    {
        var reader = new CsvReader(new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024));
        if (!await reader.Fill(cancellationToken))
        {
            reader.Dispose();
            return null;
        }

        reader.Separator = DetectSeparator(reader._buffer.AsSpan(0, reader._length));
        var header = await reader.Read(cancellationToken);
        if (header is null || header.Fields.All(string.IsNullOrWhiteSpace))
        {
            reader.Dispose();
            return null;
        }

        reader.Header = header.Fields.Select(f => f.Trim()).ToList();
        return reader;
    }

    /// <summary>The next record, skipping blank lines; null at the end of the file.</summary>
    public async ValueTask<CsvRecord?> Read(CancellationToken cancellationToken)
    {
        while (true)
        {
            var record = await ReadRecord(cancellationToken);
            if (record is null || record.Fields.Length > 1 || record.Fields[0].Length > 0) return record;
        }
    }

    private async ValueTask<CsvRecord?> ReadRecord(CancellationToken cancellationToken)
    {
        if (_position == _length && !await Fill(cancellationToken)) return null;
        var startLine = _line;
        _state = State.FieldStart;
        while (!Scan())
        {
            if (await Fill(cancellationToken)) continue;
            if (_state == State.Quoted) throw new CsvFormatException(startLine, "a quoted field is not closed before the end of the file.");
            if (_state == State.FieldStart && _fields.Count == 0 && _field.Length == 0) return null;
            EndField();
            break;
        }

        var record = new CsvRecord(startLine, [.. _fields]);
        _fields.Clear();
        return record;
    }

    /// <summary>Consumes buffered characters; true when a record ended.</summary>
    private bool Scan()
    {
        while (_position < _length)
        {
            var c = _buffer[_position++];
            if (_skipLineFeed)
            {
                _skipLineFeed = false;
                if (c == '\n') continue;
            }

            switch (_state)
            {
                case State.Quoted:
                    if (c == '"') _state = State.QuoteInQuoted;
                    else Append(c);
                    if (c == '\n') _line++;
                    break;
                case State.FieldStart when c == '"':
                    _state = State.Quoted;
                    break;
                case State.QuoteInQuoted when c == '"':
                    Append('"');
                    _state = State.Quoted;
                    break;
                default:
                    if (c == Separator)
                    {
                        EndField();
                        _state = State.FieldStart;
                    }
                    else if (c is '\n' or '\r')
                    {
                        _line++;
                        _skipLineFeed = c == '\r';
                        EndField();
                        return true;
                    }
                    else
                    {
                        Append(c);
                        _state = State.Unquoted;
                    }

                    break;
            }
        }

        return false;
    }

    private void Append(char c)
    {
        if (_field.Length == MaxFieldLength)
            throw new CsvFormatException(_line, $"a field is longer than {MaxFieldLength} characters (is a quote left open?).");
        _field.Append(c);
    }

    private void EndField()
    {
        _fields.Add(_field.ToString());
        _field.Clear();
    }

    private async ValueTask<bool> Fill(CancellationToken cancellationToken)
    {
        _length = await _reader.ReadAsync(_buffer.AsMemory(), cancellationToken);
        _position = 0;
        return _length > 0;
    }

    /// <summary>The separator of the header line: whichever of <c>;</c> and <c>,</c> it uses more often outside quotes.</summary>
    private static char DetectSeparator(ReadOnlySpan<char> start)
    {
        int semicolons = 0, commas = 0;
        var quoted = false;
        foreach (var c in start)
        {
            if (c == '"') quoted = !quoted;
            else if (!quoted && c is '\n' or '\r') break;
            else if (!quoted && c == ';') semicolons++;
            else if (!quoted && c == ',') commas++;
        }

        return commas > semicolons ? ',' : ';';
    }

    public void Dispose() => _reader.Dispose();
}
