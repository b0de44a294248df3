using System.Net;

namespace Migration.ProgramRun.Driver.Stages;

/// <summary>Employers at the destinations (by BIN) declare vacancies for the trades of the families coming, through the registry.</summary>
public static class LabourStage
{
    public static async Task<string> Run(RunContext run)
    {
        var api = run.Gateway;
        int employers = 0, places = 0;
        await run.ForEach(run.Scenario.Employers, async (e, ct) =>
        {
            var reply = await api.Post(Cast.ClerkOf(e.Kato[..2]), "/api/registry/employers", new { bin = e.Bin, name = e.Name, kato = e.Kato }, ct);
            if (reply.Status != HttpStatusCode.Conflict) reply.Expect(HttpStatusCode.Created);
            Interlocked.Increment(ref employers);
        });
        await run.ForEach(run.Scenario.Vacancies.Select((v, i) => (v, i)), async (item, ct) =>
        {
            var v = item.v;
            (await api.Send(Cast.ClerkOf(v.SettlementKato[..2]), HttpMethod.Post, "/api/registry/vacancies", new
            {
                employerBin = v.EmployerBin, settlementKato = v.SettlementKato, occupation = v.Occupation, places = v.Places, monthlyWage = v.MonthlyWage,
                from = "2004-03-01", to = "2006-12-31",
            }, null, ct, idempotencyKey: $"program-{run.Scenario.Seed}-vacancy-{item.i}")).Expect();
            Interlocked.Add(ref places, v.Places);
        });
        return $"{employers} employers, {run.Scenario.Vacancies.Count} vacancies with {places} places";
    }
}
