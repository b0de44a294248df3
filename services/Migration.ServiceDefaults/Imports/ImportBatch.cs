using Migration.ServiceDefaults.Problems;

namespace Migration.ServiceDefaults.Importing;

/// <summary>
/// What one batch adds to its job: rows accepted, rejected and already present, with the rejections to store, and the
/// last line it covers. Every line up to <see cref="LastLine"/> is settled by the batch's transaction.
/// </summary>
public sealed class ImportBatch(Guid jobId)
{
    private readonly List<ImportRejection> _rejections = [];

    public IReadOnlyList<ImportRejection> Rejections => _rejections;

    public long RowsRead { get; private set; }

    public long Accepted { get; private set; }

    public long Rejected { get; private set; }

    public long AlreadyPresent { get; private set; }

    public int LastLine { get; private set; }

    public void Accept(int rows, int lastLine)
    {
        Accepted += rows;
        Read(rows, lastLine);
    }

    public void Present(int rows, int lastLine)
    {
        AlreadyPresent += rows;
        Read(rows, lastLine);
    }

    public void Reject(int line, string field, string code, string message) => Reject(line, [new FieldError(field, code, message)]);

    public void Reject(int line, IEnumerable<FieldError> errors)
    {
        var index = 0;
        foreach (var error in errors)
            _rejections.Add(new ImportRejection(ImportRejection.KeyOf(jobId, line, index++), jobId, line, error.Field, error.Code, error.Message));
        Rejected++;
        Read(1, line);
    }

    /// <summary>The counters now, to return to when a transaction that would have stored more fails.</summary>
    public (long, long, long, long, int, int) Checkpoint() => (RowsRead, Accepted, Rejected, AlreadyPresent, LastLine, _rejections.Count);

    public void Restore((long, long, long, long, int, int) checkpoint)
    {
        (RowsRead, Accepted, Rejected, AlreadyPresent, LastLine, var rejections) = checkpoint;
        _rejections.RemoveRange(rejections, _rejections.Count - rejections);
    }

    private void Read(int rows, int lastLine)
    {
        RowsRead += rows;
        LastLine = Math.Max(LastLine, lastLine);
    }
}
