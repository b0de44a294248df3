namespace Migration.Web.Gateway.Models;

// The registry's settlements and import jobs (docs/api.md, "Registry", "Imports").

public sealed record Settlement(
    string Kato, string Name, string Oblast, string? OblastName, string? District, bool EnvironmentalHazard, string PotentialClass, DateTimeOffset CertifiedAt,
    string CertifiedBy);

public sealed record ImportJob(
    Guid Id, string Kind, string Status, string FileName, long FileBytes, string SubmittedBy, DateTimeOffset SubmittedAt, DateTimeOffset? FinishedAt,
    long RowsRead, long Accepted, long Rejected, long AlreadyPresent, string? Error)
{
    public bool Finished => Status is "completed" or "failed";
}

public sealed record ImportRejection(long Line, string? Field, string Code, string Message);
