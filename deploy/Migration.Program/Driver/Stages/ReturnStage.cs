namespace Migration.ProgramRun.Driver.Stages;

/// <summary>
/// A payment the bank returned is handled by recording the family's new account (the bank said the old one was closed),
/// so that the next payment order reaches it; the returned amount shows in the household's ledger as entitled and not paid.
/// </summary>
public static class ReturnStage
{
    public static async Task<string> Run(RunContext run)
    {
        var api = run.Gateway;
        var households = run.Households.Where(h => h.HouseholdId is { } id && run.Returned.ContainsKey(id)).ToList();
        await run.ForEachHousehold(households, async (h, ct) =>
        {
            var path = $"/api/payments/households/{h.HouseholdId}/account";
            var current = (await api.Get(Cast.AccountsOfficer, path, ct)).Expect();
            var head = h.Plan.Members[0];
            (await api.Put(Cast.AccountsOfficer, path, new { iban = h.Plan.ReplacementIban, holderName = $"{head.LastName} {head.FirstName}" }, ct, current.ETag)).Expect();
        });
        return $"{run.Returned.Values.Sum()} returned payments of {households.Count} households: new accounts recorded";
    }
}
