namespace Migration.HousingAllocation.Importing;

/// <summary>An import job as the API shows it: what was submitted, where it stands, and its counters (rows of the file).</summary>
public sealed record ImportJobResponse(
    Guid Id,
    ImportKind Kind,
    ImportStatus Status,
    string FileName,
    long FileBytes,
    string SubmittedBy,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    long RowsRead,
    long Accepted,
    long Rejected,
    long AlreadyPresent,
    string? Error)
{
    public static ImportJobResponse From(ImportJob j) => new(
        j.Id, j.Kind, j.Status, j.FileName, j.FileBytes, j.SubmittedBy, j.SubmittedAt, j.StartedAt, j.FinishedAt,
        j.RowsRead, j.Accepted, j.Rejected, j.AlreadyPresent, j.Error);
}
