using Migration.ServiceDefaults.Http;

namespace Migration.SubsidyPayment.Entitlements;

/// <summary>
/// "This person received this one-off benefit in that case": keyed "{benefit}/{iin}" and inserted in the same transaction
/// as the entitlement, so the database refuses a second, whatever the number of cases or requests.
/// </summary>
public sealed record OneOffBenefitClaim(string Id, BenefitType Benefit, string Iin, Guid CaseId, Guid HouseholdId)
{
    /// <summary>The benefits a person receives once in the program.</summary>
    public static readonly IReadOnlyList<BenefitType> OneOff = [BenefitType.RelocationSubsidy, BenefitType.TravelReimbursement];

    public static string KeyOf(BenefitType benefit, string iin) => $"{benefit.ToWire()}/{iin}";
}
