using System.Security.Claims;
using JasperFx.Events;
using Marten;
using Migration.Identifiers;
using Migration.ServiceDefaults.Auth;
using Migration.ServiceDefaults.Http;
using Migration.ServiceDefaults.Problems;

namespace Migration.SubsidyPayment.Payments;

/// <summary>
/// Reading and changing one payment the way every endpoint does: visible when the caller's oblast covers the case's
/// origin or destination (otherwise answered as unknown); changed only at the version the caller read (If-Match); answered
/// with the new version as ETag, and with the IIN and IBAN masked for roles that may not see personal data.
/// </summary>
public static class PaymentAccess
{
    public const string NotFound = "payment.not-found";

    public static bool Visible(this Payment payment, ClaimsPrincipal user) => user.CoversOblast(payment.Oblast) || user.CoversOblast(payment.DestinationOblast);

    public static async Task<IEventStream<Payment>> FetchForChange(this IDocumentSession session, Guid paymentId, HttpRequest http, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var expected = http.RequiredVersion();
        var stream = await session.Events.FetchForWriting<Payment>(paymentId, expected, cancellationToken);
        return stream.Aggregate is { } payment && payment.Visible(user) ? stream : throw Unknown(paymentId);
    }

    public static async Task<Payment> Read(this IQuerySession session, Guid paymentId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var payment = await session.LoadAsync<Payment>(paymentId, cancellationToken);
        return payment is not null && payment.Visible(user) ? payment : throw Unknown(paymentId);
    }

    /// <summary>Commits, then answers the payment as it is now, with its version as ETag.</summary>
    public static async Task<Payment> SaveAndRead(this IDocumentSession session, Guid paymentId, HttpResponse response, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await session.SaveChangesAsync(cancellationToken);
        var payment = (await session.LoadAsync<Payment>(paymentId, cancellationToken))!;
        response.SetETag(payment.Version);
        return payment.For(user);
    }

    public static Payment For(this Payment payment, ClaimsPrincipal user) => PersonalData.MaySee(user)
        ? payment
        : payment with
        {
            Iin = payment.Iin is { } iin && Iin.TryParse(iin, out var parsed) ? parsed.Value.Masked : payment.Iin,
            Account = payment.Account is { } a ? a with { Iban = Iban.TryParse(a.Iban, out var iban) ? iban.Value.Masked : a.Iban, HolderName = PersonalData.Initial(a.HolderName) } : null,
        };

    private static ProblemException Unknown(Guid paymentId) => ProblemException.NotFound(NotFound, $"No payment {paymentId} in your oblast.");
}
