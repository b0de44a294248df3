using Marten;
using Migration.RelocationCase.Quotas;
using Migration.ServiceDefaults.Problems;

namespace Migration.RelocationCase.Cases;

/// <summary>An approved case holds its household's place in the receiving oblast's quota for the year of approval.</summary>
public static class CaseQuota
{
    /// <summary>Takes the place in the approval's own transaction, or refuses with 409 and the quota's code.</summary>
    public static async Task Reserve(IDocumentSession session, CaseFile c, int year, CancellationToken cancellationToken)
    {
        var check = await QuotaLedger.Reserve(session, c.DestinationOblast!, year, c.Size, cancellationToken);
        if (!check.IsGranted)
            throw new ProblemException(StatusCodes.Status409Conflict, check.Code!, "No room in the quota", check.Reason);
    }

    /// <summary>Gives the place back when an approved case is withdrawn or cancelled.</summary>
    public static Task Release(IDocumentSession session, CaseFile c, CancellationToken cancellationToken) =>
        QuotaLedger.Release(session, c.DestinationOblast!, c.QuotaYear!.Value, c.Size, cancellationToken);
}
