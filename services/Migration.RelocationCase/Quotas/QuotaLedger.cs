using Marten;

namespace Migration.RelocationCase.Quotas;

/// <summary>The outcome of a reservation: granted with the quota after it, or refused with a stable code and a reason.</summary>
public sealed record QuotaCheck(bool IsGranted, string? Code, string? Reason, OblastQuota? Quota)
{
    public static QuotaCheck Granted(OblastQuota quota) => new(true, null, null, quota);

    public static QuotaCheck Refused(string code, string reason, OblastQuota? quota) => new(false, code, reason, quota);
}

/// <summary>
/// Uses and gives back an oblast's yearly quota inside the caller's own Marten session and transaction, so that the
/// approval and the quota use commit together or not at all. Every change to an oblast-year's quota (reservations,
/// releases and admins' edits) first takes a transaction-scoped PostgreSQL advisory lock on it, then reads it: approvals
/// that race are serialised, each sees the use committed before it, and never more than the quota is approved.
/// The lock is released when the caller's transaction commits or rolls back (disposing the session rolls back).
/// </summary>
public static class QuotaLedger
{
    public const string NotSet = "quota.not-set";
    public const string Exhausted = "quota.exhausted";

    /// <summary>The first key of the two-key advisory locks of quotas (apart from Marten's and labour demand's).</summary>
    private const int LockSpace = 0x5154; // "QT"

    /// <summary>
    /// Reserves one household of <paramref name="people"/> in the quota of <paramref name="oblast"/> for
    /// <paramref name="year"/>: stores the increased use in <paramref name="session"/> (the caller commits it with its own
    /// changes) or refuses with <see cref="NotSet"/> or <see cref="Exhausted"/> and changes nothing.
    /// </summary>
    public static async Task<QuotaCheck> Reserve(IDocumentSession session, string oblast, int year, int people, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(people, 1);
        var quota = await LockAndLoad(session, oblast, year, cancellationToken);
        if (quota is null)
            return QuotaCheck.Refused(NotSet, $"No quota is set for oblast {oblast} in {year}: an admin sets it first.", null);
        if (!quota.Admits(people))
            return QuotaCheck.Refused(Exhausted,
                $"The {year} quota of oblast {oblast} has no room for a household of {people}: " +
                $"{Describe(quota.HouseholdsApproved, quota.MaxHouseholds, "households")}, {Describe(quota.PeopleApproved, quota.MaxPeople, "people")} approved.",
                quota);

        var after = quota with { HouseholdsApproved = quota.HouseholdsApproved + 1, PeopleApproved = quota.PeopleApproved + people };
        session.Store(after);
        return QuotaCheck.Granted(after);
    }

    /// <summary>
    /// Gives back one household of <paramref name="people"/> (a case withdrawn or rejected after its approval), never
    /// below zero. Stored in <paramref name="session"/> for the caller to commit; null when no quota is set.
    /// </summary>
    public static async Task<OblastQuota?> Release(IDocumentSession session, string oblast, int year, int people, CancellationToken cancellationToken)
    {
        var quota = await LockAndLoad(session, oblast, year, cancellationToken);
        if (quota is null) return null;
        var after = quota with
        {
            HouseholdsApproved = Math.Max(0, quota.HouseholdsApproved - 1),
            PeopleApproved = Math.Max(0, quota.PeopleApproved - people),
        };
        session.Store(after);
        return after;
    }

    /// <summary>Opens the session's transaction, takes the oblast-year's lock and reads the quota as committed.</summary>
    public static async Task<OblastQuota?> LockAndLoad(IDocumentSession session, string oblast, int year, CancellationToken cancellationToken)
    {
        var id = OblastQuota.KeyOf(oblast, year);
        await session.BeginTransactionAsync(cancellationToken);
        await session.QueryAsync<int>("select 1 from pg_advisory_xact_lock(?, hashtext(?))", cancellationToken, LockSpace, id);
        return await session.LoadAsync<OblastQuota>(id, cancellationToken);
    }

    private static string Describe(int used, int? max, string what) => max is { } limit ? $"{used} of {limit} {what}" : $"{used} {what} (no limit)";
}
