using Marten.Events.Aggregation;

namespace Migration.SubsidyPayment.Accounts;

/// <summary>
/// A finance officer recorded the bank account a household is paid to. The IBAN was checked (KZ format, mod 97) and its
/// bank code resolved to a bank, so a payment verified against it can be routed in a bank file.
/// </summary>
public sealed record AccountRecorded(Guid HouseholdId, string Iban, string BankCode, string Bic, string BankName, string HolderName, string By);

/// <summary>
/// The account a household is paid to, one stream per household: every change is an event naming who made it, because
/// redirecting a household's money is exactly what an auditor must be able to trace. Payments copy it when verified.
/// </summary>
public sealed record HouseholdAccount(Guid Id, string Iban, string BankCode, string Bic, string BankName, string HolderName, string RecordedBy, DateTimeOffset RecordedAt)
{
    public long Version { get; init; }

    /// <summary>The account as a payment verified against it copies it.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Payments.PayeeAccount Payee => new(Iban, Bic, BankName, HolderName);
}

public partial class HouseholdAccountProjection : SingleStreamProjection<HouseholdAccount, Guid>
{
    public HouseholdAccount Create(JasperFx.Events.IEvent<AccountRecorded> e) => Apply(e, null);

    public HouseholdAccount Apply(JasperFx.Events.IEvent<AccountRecorded> e, HouseholdAccount? _) =>
        new(e.Data.HouseholdId, e.Data.Iban, e.Data.BankCode, e.Data.Bic, e.Data.BankName, e.Data.HolderName, e.Data.By, e.Timestamp);
}
