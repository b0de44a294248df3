using Marten.Events.Aggregation;
using Migration.ServiceDefaults.Http;

namespace Migration.SubsidyPayment.Budgets;

/// <summary>
/// A budget line: one fiscal year, one funding source, one oblast. Approval commits funds, disbursement spends them,
/// cancellation and returns give them back. Available = allocated − committed − spent, never below zero: the stream is
/// written under an exclusive lock (<c>FetchForExclusiveWriting</c>), so racing approvals on any number of instances
/// queue on it and each sees what the previous left.
/// </summary>
public sealed record BudgetLine(Guid Id, int FiscalYear, FundingSource Source, string Oblast, decimal AllocatedKzt, decimal CommittedKzt, decimal SpentKzt, string Reference)
{
    public decimal AvailableKzt => AllocatedKzt - CommittedKzt - SpentKzt;

    /// <summary>The stream version, kept by Marten; sent as the ETag.</summary>
    public long Version { get; init; }

    /// <summary>"2005/republican/61": the line's natural key.</summary>
    public static string KeyOf(int fiscalYear, FundingSource source, string oblast) => $"{fiscalYear}/{source.ToWire()}/{oblast}";

    /// <summary>
    /// The line's id, derived from its natural key, so that opening the same line twice collides on the stream id
    /// (answered 409) even when two clerks do it at the same moment.
    /// </summary>
    public static Guid IdOf(int fiscalYear, FundingSource source, string oblast) => NamedIds.Of("budget-line/" + KeyOf(fiscalYear, source, oblast));
}

public partial class BudgetLineProjection : SingleStreamProjection<BudgetLine, Guid>
{
    public BudgetLine Create(BudgetLineOpened e) => new(e.LineId, e.FiscalYear, e.Source, e.Oblast, e.AllocatedKzt, 0m, 0m, e.Reference);

    public BudgetLine Apply(BudgetAllocationChanged e, BudgetLine line) => line with { AllocatedKzt = e.AllocatedKzt, Reference = e.Reference };

    public BudgetLine Apply(FundsCommitted e, BudgetLine line) => line with { CommittedKzt = line.CommittedKzt + e.AmountKzt };

    public BudgetLine Apply(FundsSpent e, BudgetLine line) => line with { CommittedKzt = line.CommittedKzt - e.AmountKzt, SpentKzt = line.SpentKzt + e.AmountKzt };

    public BudgetLine Apply(FundsReleased e, BudgetLine line) => e.FromSpent
        ? line with { SpentKzt = line.SpentKzt - e.AmountKzt }
        : line with { CommittedKzt = line.CommittedKzt - e.AmountKzt };
}
