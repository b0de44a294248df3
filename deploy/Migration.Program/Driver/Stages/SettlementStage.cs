using System.Net;
using Migration.ProgramRun.Scenario;

namespace Migration.ProgramRun.Driver.Stages;

/// <summary>
/// The registry clerk certifies the origins (low potential, three with environmental hazards) and the destinations;
/// the stage ends when the case and housing services have learnt of the destinations by events.
/// </summary>
public static class SettlementStage
{
    public static async Task<string> Run(RunContext run)
    {
        var (api, token) = (run.Gateway, run.CancellationToken);
        int certified = 0, already = 0;
        await run.ForEach(run.Scenario.Settlements, async (s, ct) =>
        {
            var reply = await api.Post(Cast.Clerk, "/api/registry/settlements", new
            {
                kato = s.Kato,
                nameRu = s.NameRu,
                climateZone = s.ClimateZone,
                potentialClass = s.PotentialClass,
                hazards = s.Hazard is null ? [] : new[] { new { type = s.Hazard, severity = "high" } },
            }, ct);
            if (reply.Status == HttpStatusCode.Conflict) Interlocked.Increment(ref already);
            else
            {
                reply.Expect(HttpStatusCode.Created);
                Interlocked.Increment(ref certified);
            }
        });

        await run.ForEach(run.Scenario.Destinations, async (d, ct) =>
        {
            await Eventually.True(async () => (await api.Get(Cast.Auditor, $"/api/cases/settlements/{d.Kato}", ct)).IsSuccess,
                $"destination {d.Kato} known to the case service", ct);
            await Eventually.True(async () => (await api.Get(Cast.Auditor, $"/api/housing/settlements/{d.Kato}", ct)).IsSuccess,
                $"destination {d.Kato} known to the housing service", ct);
        });
        var origins = run.Scenario.Origins.ToList();
        return $"{certified} settlements certified, {already} already there: {origins.Count} origins ({origins.Count(o => o.Hazard is not null)} hazardous) " +
            $"in {origins.Select(o => o.Oblast).Distinct().Count()} oblasts, {run.Scenario.Destinations.Count()} destinations";
    }
}
