namespace Migration.SubsidyPayment.Cases;

/// <summary>What the relocation-case service last said about a case, as far as payments care.</summary>
public enum CaseStanding
{
    Approved,
    Moved,
    Withdrawn,
    Cancelled,
}

/// <summary>
/// A case as payments know it, from the relocation-case service's events. Approval re-checks it: a payment is approved
/// only for a case still approved (or moved); payments that wait for the move need <see cref="CaseStanding.Moved"/>.
/// Withdrawn and cancelled are final: a late "approved" or "moved" never revives the case.
/// </summary>
public sealed record CaseRecord(Guid Id, Guid HouseholdId, CaseStanding Standing, DateTimeOffset ChangedAt, string? Reason)
{
    public bool IsEnded => Standing is CaseStanding.Withdrawn or CaseStanding.Cancelled;

    /// <summary>The record after <paramref name="next"/>: ended cases stay ended; "moved" wins over "approved".</summary>
    public static CaseRecord Advance(CaseRecord? current, CaseRecord next) => current switch
    {
        null => next,
        { IsEnded: true } => current,
        _ when next.IsEnded => next,
        { Standing: CaseStanding.Moved } => current,
        _ => next,
    };
}
