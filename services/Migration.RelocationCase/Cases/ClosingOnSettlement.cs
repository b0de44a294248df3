using JasperFx.Events;
using Marten;

namespace Migration.RelocationCase.Cases;

/// <summary>
/// A case whose move is confirmed and whose payments are settled has nothing left to wait for: it closes by itself as
/// "relocated", as if someone had taken the closure step, but recorded as done by <see cref="Actor"/>. Either fact may
/// come last, so both paths ask here: the payment reports (<see cref="PaymentReportConsumer{T}"/>) and the move
/// confirmation (<see cref="ConfirmingMove"/>). Both hold the advisory lock of the case's payments
/// (<see cref="CasePayments.LockKey"/>) while they read and commit, so one of them always sees the other's fact.
/// A case without payments (or whose payments are not settled) is closed by hand; a withdrawn or cancelled case never
/// reaches "moved" and is never touched.
/// </summary>
public static class ClosingOnSettlement
{
    /// <summary>Who the timeline names for a closure nobody took.</summary>
    public const string Actor = "system";

    /// <summary>Why the case closed by itself, on the <see cref="CaseClosed"/> event.</summary>
    public const string Trigger = "payments-settled";

    public static bool Closes(CaseStatus status, CasePayments? payments) => status == CaseStatus.Moved && payments is { Settled: true };

    /// <summary>The closure event (stamped as the system's) for a case that <see cref="Closes"/>; its claims end with it.</summary>
    public static IEvent Close(IDocumentSession session, CaseFile c)
    {
        CaseClaims.Release(session, c);
        var closed = Event.For(CaseDecisions.CloseSettled(c));
        closed.UserName = Actor;
        return closed;
    }
}
