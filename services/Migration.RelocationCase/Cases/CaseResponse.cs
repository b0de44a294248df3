using System.Security.Claims;
using Migration.ServiceDefaults.Auth;

namespace Migration.RelocationCase.Cases;

/// <summary>A case as the API shows it; confidential notes only for the roles that may read them.</summary>
public sealed record CaseResponse(
    Guid Id,
    Guid HouseholdId,
    CaseStatus Status,
    string OriginKato,
    string Oblast,
    int HouseholdSize,
    string Caseworker,
    bool HazardPriority,
    IReadOnlyList<EligibilityReason> Eligibility,
    string? DestinationKato,
    string? DestinationOblast,
    string? DestinationName,
    string? DestinationReason,
    string? RejectionReason,
    string? EndReason,
    int? QuotaYear,
    DateOnly? ArrivedOn,
    CaseTask? Task,
    bool Overdue,
    HousingState? Housing,
    PaymentsResponse? Payments,
    IReadOnlyList<CaseNote> Notes,
    IReadOnlyList<CaseDocument> Documents,
    DateTimeOffset OpenedAt,
    string OpenedBy,
    DateTimeOffset UpdatedAt,
    long Version)
{
    private static readonly string[] ConfidentialReaders = [Roles.Caseworker, Roles.CaseSupervisor, Roles.Auditor, Roles.Admin];

    /// <summary>The case and its payments (null when the payment service has reported nothing yet).</summary>
    public static CaseResponse From(CaseFile c, CasePayments? payments, ClaimsPrincipal user, DateOnly today)
    {
        var confidential = ConfidentialReaders.Any(user.IsInRole);
        return new CaseResponse(c.Id, c.HouseholdId, c.Status, c.OriginKato, c.Oblast, c.Size, c.Caseworker, c.HazardPriority, c.Eligibility,
            c.DestinationKato, c.DestinationOblast, c.DestinationName, c.DestinationReason, c.RejectionReason, c.EndReason, c.QuotaYear, c.ArrivedOn,
            c.Task, c.Task is { } t && t.DueOn < today, c.Housing, PaymentsResponse.From(payments, c.Payments), c.Notes.Where(n => confidential || !n.Confidential).ToList(), c.Documents,
            c.OpenedAt, c.OpenedBy, c.UpdatedAt, c.Version);
    }
}
