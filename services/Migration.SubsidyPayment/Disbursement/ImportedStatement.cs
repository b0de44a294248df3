namespace Migration.SubsidyPayment.Disbursement;

/// <summary>A batch whose statement total differs from its control sum.</summary>
public sealed record FlaggedBatch(Guid BatchId, string PaymentInformationId, decimal ControlSumKzt, decimal ReportedKzt);

/// <summary>
/// A bank statement (or notification) as imported: what it paid, returned, repeated, could not match, and which batches it
/// flagged. Keyed by the kind and the bank's message id, so the same file imported again is recognised and changes nothing.
/// </summary>
public sealed record ImportedStatement(
    string Id,
    string Kind,
    string MessageId,
    DateTimeOffset CreatedAt,
    DateTimeOffset ImportedAt,
    string ImportedBy,
    IReadOnlyList<MatchedEntry> Paid,
    IReadOnlyList<MatchedEntry> Returned,
    IReadOnlyList<string> AlreadyRecorded,
    IReadOnlyList<UnmatchedEntry> Unmatched,
    IReadOnlyList<UnmatchedEntry> Pending,
    IReadOnlyList<FlaggedBatch> FlaggedBatches)
{
    public static string KeyOf(string kind, string messageId) => $"{kind}:{messageId}";
}
