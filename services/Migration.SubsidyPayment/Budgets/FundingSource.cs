namespace Migration.SubsidyPayment.Budgets;

/// <summary>Where a budget line's money comes from.</summary>
public enum FundingSource
{
    Republican,
    Local,
    Other,
}
