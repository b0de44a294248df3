using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Migration.SubsidyPayment.Disbursement;

public enum BatchStatus
{
    Created,
    Sent,
    Reconciled,
}

/// <summary>A statement total that differs from a file's control sum.</summary>
public sealed record BatchDiscrepancy(string PaymentInformationId, decimal ControlSumKzt, decimal ReportedKzt, int Count, int? ReportedCount, string StatementId, DateTimeOffset FlaggedAt);

/// <summary>
/// A disbursement batch: approved payments grouped into one ISO 20022 credit-transfer file per bank, sent, then reconciled
/// against the banks' statements. Its files are frozen at creation.
/// </summary>
public sealed record DisbursementBatch(
    Guid Id, DateOnly ExecutionDate, string? Oblast, BatchStatus Status, IReadOnlyList<BankFile> Files, int Count, decimal ControlSumKzt,
    string CreatedBy, DateTimeOffset CreatedAt)
{
    public DateTimeOffset? SentAt { get; init; }
    public DateTimeOffset? ReconciledAt { get; init; }
    public IReadOnlyList<BatchDiscrepancy> Discrepancies { get; init; } = [];
    public bool Flagged => Discrepancies.Count > 0;
    public long Version { get; init; }

    /// <summary>The file whose pain.001 payment information id is <paramref name="paymentInformationId"/>.</summary>
    public BankFile? FileOf(string? paymentInformationId) => Files.FirstOrDefault(f => f.PaymentInformationId == paymentInformationId);

    /// <summary>
    /// Ids in the files carry the batch: the message id is "B" and the payment information id "P", then the batch id (32
    /// hex digits), then the bank code: 36 characters would be too many for ISO 20022 (35), so the bank's position in the
    /// batch (two digits) stands for the bank.
    /// </summary>
    public static string MessageIdOf(Guid batchId, int file) => $"B{batchId:N}{file:D2}";

    public static string PaymentInformationIdOf(Guid batchId, int file) => $"P{batchId:N}{file:D2}";

    public static Guid? BatchOf(string? paymentInformationId) =>
        paymentInformationId is { Length: 35 } id && id[0] == 'P' && Guid.TryParseExact(id[1..33], "N", out var batchId) ? batchId : null;
}

public partial class DisbursementBatchProjection : SingleStreamProjection<DisbursementBatch, Guid>
{
    public DisbursementBatch Create(BatchCreated e) =>
        new(e.BatchId, e.ExecutionDate, e.Oblast, BatchStatus.Created, e.Files, e.Files.Sum(f => f.Count), e.Files.Sum(f => f.ControlSumKzt), e.By, e.CreatedAt);

    public DisbursementBatch Apply(IEvent<BatchSent> e, DisbursementBatch b) => b with { Status = BatchStatus.Sent, SentAt = e.Timestamp };

    public DisbursementBatch Apply(IEvent<BatchDiscrepancyFlagged> e, DisbursementBatch b) => b with
    {
        Discrepancies = [.. b.Discrepancies, new BatchDiscrepancy(e.Data.PaymentInformationId, e.Data.ControlSumKzt, e.Data.ReportedKzt, e.Data.Count, e.Data.ReportedCount, e.Data.StatementId, e.Timestamp)],
    };

    public DisbursementBatch Apply(IEvent<BatchReconciled> e, DisbursementBatch b) => b with { Status = BatchStatus.Reconciled, ReconciledAt = e.Timestamp };
}
