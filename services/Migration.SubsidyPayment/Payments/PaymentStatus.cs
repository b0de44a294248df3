namespace Migration.SubsidyPayment.Payments;

/// <summary>
/// Where a payment is: calculated → verified → (awaiting-second-approval →) approved → batched → sent → paid or returned;
/// cancelled before it is batched; reversed after it is paid.
/// </summary>
public enum PaymentStatus
{
    Calculated,
    Verified,
    AwaitingSecondApproval,
    Approved,
    Batched,
    Sent,
    Paid,
    Returned,
    Cancelled,
    Reversed,
}

public static class PaymentStatuses
{
    /// <summary>The ends of the workflow: nothing more will happen to the money.</summary>
    public static bool IsSettled(this PaymentStatus status) =>
        status is PaymentStatus.Paid or PaymentStatus.Returned or PaymentStatus.Cancelled or PaymentStatus.Reversed;

    /// <summary>Approved or further, and not given back: the amounts a ledger shows as approved.</summary>
    public static bool CountsAsApproved(this PaymentStatus status) =>
        status is PaymentStatus.Approved or PaymentStatus.Batched or PaymentStatus.Sent or PaymentStatus.Paid;

    /// <summary>
    /// Once in a disbursement batch, a payment is frozen: the file the bank receives must match what was approved, so it
    /// can no longer be corrected or cancelled (a withdrawn household repays through a recovery case).
    /// </summary>
    public static bool IsFrozen(this PaymentStatus status) => status is PaymentStatus.Batched or PaymentStatus.Sent or PaymentStatus.Paid;
}
