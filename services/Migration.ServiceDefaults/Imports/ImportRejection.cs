namespace Migration.ServiceDefaults.Importing;

/// <summary>
/// Why one row of an import was refused: its line in the file, the column, a stable code and a message. Messages never
/// carry an IIN or a name. The id orders a job's rejections by line (the key of the paged list).
/// </summary>
public sealed record ImportRejection(string Id, Guid JobId, int Line, string Field, string Code, string Message)
{
    public static string KeyOf(Guid jobId, int line, int index) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{jobId:N}/{line:D10}/{index:D3}");
}

/// <summary>One refused row: its line in the file (the header is line 1), the column, a stable code and a message.</summary>
public sealed record RejectionResponse(int Line, string Field, string Code, string Message)
{
    public static RejectionResponse From(ImportRejection r) => new(r.Line, r.Field, r.Code, r.Message);
}
