using System.Globalization;
using System.Net;

namespace Migration.ProgramRun.Driver.Stages;

/// <summary>The clerk registers each household with its members at its origin; finance records its bank account.</summary>
public static class HouseholdStage
{
    public static async Task<string> Run(RunContext run)
    {
        var api = run.Gateway;
        await run.ForEachHousehold(run.Households, async (h, ct) =>
        {
            var plan = h.Plan;
            var head = plan.Members[0];
            var registered = (await api.Post(Cast.ClerkOf(plan.OriginOblast), "/api/registry/households", new
            {
                settlementKato = plan.OriginKato,
                members = plan.Members.Select(m => new
                {
                    iin = m.Iin, lastName = m.LastName, firstName = m.FirstName, patronymic = m.Patronymic,
                    birthDate = m.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), sex = m.Sex == Identifiers.Sex.Male ? "male" : "female",
                    relationship = m.Relationship, employment = m.Employment, occupation = m.Occupation,
                }),
                contact = new { phone = $"+7701{plan.Number % 10_000_000:D7}", address = $"{plan.OriginKato}, дом {plan.Number}" },
            }, ct)).Expect(HttpStatusCode.Created);
            h.HouseholdId = registered.Id;
            var account = await api.Put(Cast.AccountsOfficerOf(plan.OriginOblast), $"/api/payments/households/{h.HouseholdId}/account",
                new { iban = plan.Iban, holderName = $"{head.LastName} {head.FirstName}" }, ct);
            if (account.Code != "account.exists") account.Expect();
        });
        var done = run.Households.Where(h => h.HouseholdId is not null).ToList();
        return $"{done.Count} households registered ({done.Sum(h => h.Plan.Size)} people) with their bank accounts; {run.Households.Count - done.Count} refused";
    }
}
