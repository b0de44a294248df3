namespace Migration.ProgramRun.Report;

/// <summary>A case as the report counts it.</summary>
public sealed record CaseRow(Guid Id, Guid HouseholdId, string Status, string Outcome, string OriginOblast, string? DestinationOblast, int People);

/// <summary>A payment as the report counts it; the funding source comes from its budget line.</summary>
public sealed record PaymentRow(Guid Id, Guid HouseholdId, string Benefit, string Status, decimal AmountKzt, string Source);

/// <summary>A budget line's execution as the payment service reports it.</summary>
public sealed record BudgetRow(int FiscalYear, string Source, string Oblast, decimal AllocatedKzt, decimal CommittedKzt, decimal SpentKzt, decimal AvailableKzt)
{
    /// <summary>Allocated = available + committed + spent: nothing lost, nothing made up.</summary>
    public bool Balances => AllocatedKzt == AvailableKzt + CommittedKzt + SpentKzt;
}

/// <summary>Entitled versus paid over the relocated households' ledgers.</summary>
public sealed record LedgerTotals(int Households, decimal EntitledKzt, decimal PaidKzt, decimal ReturnedKzt);

/// <summary>How long a stage of the run took, and what it did.</summary>
public sealed record StageTiming(string Stage, TimeSpan Took, string Summary, long Requests = 0);

/// <summary>The outcomes a case can have in the report.</summary>
public static class Outcomes
{
    public const string Relocated = "relocated";
    public const string MovedAwaitingPayments = "moved, payments unsettled";
    public const string WaitingForHousing = "waiting for housing";
    public const string Approved = "approved";
    public const string Withdrawn = "withdrawn";
    public const string InProgress = "in progress";

    public static string Of(string status, string? endReason, string? housing) => status switch
    {
        "closed" when endReason == "relocated" => Relocated,
        "closed" => $"closed: {endReason}",
        "moved" => MovedAwaitingPayments,
        "approved" when housing == "waitlisted" => WaitingForHousing,
        "approved" => Approved,
        "withdrawn" => Withdrawn,
        "cancelled" or "rejected" or "ineligible" => status,
        _ => InProgress,
    };
}
