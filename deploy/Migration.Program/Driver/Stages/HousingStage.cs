using Migration.ProgramRun.Scenario;

namespace Migration.ProgramRun.Driver.Stages;

/// <summary>
/// The housing officer registers the dwellings at the destinations. The late ones (the houses still being built at
/// the waitlist destination) come after the approvals: they go at once to the families waiting there, and the stage
/// ends when the housing service has given them out.
/// </summary>
public static class HousingStage
{
    public static async Task<string> Run(RunContext run, bool late)
    {
        var api = run.Gateway;
        var units = run.Scenario.Units.Where(u => u.Late == late).ToList();
        if (late)
        {
            // Every approval at that destination has been handled (reserved or waitlisted) before the new houses arrive.
            await run.ForEach(run.Households.Where(h => h.Active && h.Approved && h.Destination == StageOne.WaitlistDestination), async (h, ct) =>
                await Eventually.True(async () => (await api.Get(Cast.HousingOfficerOf(h.DestinationOblast), $"/api/housing/reservations/{h.CaseId}", ct)).IsSuccess,
                    $"the housing of case {h.CaseId}", ct));
        }

        var created = new System.Collections.Concurrent.ConcurrentBag<Guid>();
        await run.ForEach(units.Select((u, i) => (u, i)), async (item, ct) =>
        {
            var u = item.u;
            var reply = await Eventually.Get(async () =>
            {
                var r = await api.Send(Cast.HousingOfficerOf(u.SettlementKato[..2]), HttpMethod.Post, "/api/housing/units", new
                {
                    settlementKato = u.SettlementKato, type = u.Type, address = u.Address, rooms = u.Rooms, floorArea = u.FloorArea, capacity = u.Capacity,
                    appraisedValue = u.AppraisedValue, condition = u.Condition,
                }, null, ct, idempotencyKey: $"program-{run.Scenario.Seed}-unit-{(late ? "late" : "stock")}-{item.i}");
                return r.IsSuccess ? r : r.Names("settlement.unknown") ? null : r.Expect();
            }, $"settlement {u.SettlementKato} known to the housing service", ct);
            created.Add(reply.Id);
        });

        if (late && units.Count > 0)
        {
            var destination = StageOne.WaitlistDestination;
            await Eventually.True(async () =>
            {
                var available = PlanningStage.Items((await api.Get(Cast.HousingOfficerOf(destination[..2]), $"/api/housing/units?settlementKato={destination}&status=available&limit=500", run.CancellationToken)).Expect());
                var waiting = PlanningStage.Items((await api.Get(Cast.HousingOfficerOf(destination[..2]), $"/api/housing/waitlists/{destination}", run.CancellationToken)).Expect());
                return available.GetArrayLength() == 0 || waiting.GetArrayLength() == 0;
            }, "the late houses given to the waiting families", run.CancellationToken);
        }

        return late
            ? $"{created.Count} late houses finished at {StageOne.WaitlistDestination}"
            : $"{created.Count} dwellings ({units.Sum(u => u.Capacity)} places) at {units.Select(u => u.SettlementKato).Distinct().Count()} destinations";
    }
}
