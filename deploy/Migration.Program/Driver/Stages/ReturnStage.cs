namespace Migration.ProgramRun.Driver.Stages;

/// <summary>
/// A payment the bank returned is handled as finance staff would: the family's new account is recorded (the bank said
/// the old one was closed), and each returned payment is reissued once; the reissued payments then go through
/// verification, approval and the bank again (the next stages), so the family is paid in full.
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
            var returned = PlanningStage.Items((await api.Get(Cast.AccountsOfficer, $"/api/payments?householdId={h.HouseholdId}&status=returned&limit=500", ct)).Expect());
            foreach (var payment in returned.EnumerateArray().Where(p => p.GetProperty("reissuedAs").ValueKind == System.Text.Json.JsonValueKind.Null))
            {
                var reissued = (await api.Post(Cast.AccountsOfficer, $"/api/payments/{payment.GetProperty("id").GetGuid()}/reissue",
                    new { reason = "the bank closed the account; the family gave its new one" }, ct, $"\"{payment.GetProperty("version").GetInt64()}\"")).Expect(System.Net.HttpStatusCode.Created);
                run.Reissued[reissued.Id] = h;
            }
        });
        return $"{run.Returned.Values.Sum()} returned payments of {households.Count} households: new accounts recorded, {run.Reissued.Count} payments reissued";
    }
}
