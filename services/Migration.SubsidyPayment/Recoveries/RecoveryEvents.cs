namespace Migration.SubsidyPayment.Recoveries;

/// <summary>
/// A recovery (claw-back) was opened for money paid to a household that withdrew or left: <see cref="AmountDueKzt"/> is
/// what was paid in the case and not returned. <see cref="By"/> is the officer, or "system" when a withdrawal opened it.
/// </summary>
public sealed record RecoveryOpened(Guid CaseId, Guid HouseholdId, string Oblast, decimal AmountDueKzt, string Reason, string By);

/// <summary>A payment of the case was booked after the recovery was opened (it was already with the bank): it is due too.</summary>
public sealed record RecoveryIncreased(Guid CaseId, Guid PaymentId, decimal AmountKzt);

/// <summary>The household repaid part (or the rest) of what it owes.</summary>
public sealed record RepaymentRecorded(Guid CaseId, decimal AmountKzt, DateOnly ReceivedOn, string Reference, string By);
