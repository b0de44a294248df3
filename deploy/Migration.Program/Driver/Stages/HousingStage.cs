using System.Globalization;
using System.Net;
using System.Text;
using Migration.ProgramRun.Scenario;

namespace Migration.ProgramRun.Driver.Stages;

/// <summary>
/// The housing officers keep the dwellings at the destinations: the stock is planned ahead, so each receiving oblast's
/// officer imports it as one CSV file (an import job, awaited until done); the late ones (the houses still being built at
/// the waitlist destination) come after the approvals, one by one: they go at once to the families waiting there, and
/// the stage ends when the housing service has given them out.
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

        var created = 0;
        if (!late)
        {
            await run.ForEach(units.GroupBy(u => u.SettlementKato[..2]), async (oblast, ct) =>
                Interlocked.Add(ref created, await Import(run, oblast.Key, [.. oblast], ct)));
        }
        else
        {
            await run.ForEach(units.Select((u, i) => (u, i)), async (item, ct) =>
            {
                var u = item.u;
                (await api.Send(Cast.HousingOfficerOf(u.SettlementKato[..2]), HttpMethod.Post, "/api/housing/units", new
                {
                    settlementKato = u.SettlementKato, type = u.Type, address = u.Address, rooms = u.Rooms, floorArea = u.FloorArea, capacity = u.Capacity,
                    appraisedValue = u.AppraisedValue, condition = u.Condition,
                }, null, ct, idempotencyKey: $"program-{run.Scenario.Seed}-unit-late-{item.i}")).Expect();
                Interlocked.Increment(ref created);
            });
        }

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
            ? $"{created} late houses finished at {StageOne.WaitlistDestination}"
            : $"{created} dwellings ({units.Sum(u => u.Capacity)} places) at {units.Select(u => u.SettlementKato).Distinct().Count()} destinations, imported";
    }

    /// <summary>The oblast's stock as one import file; the units the job registered (a unit met before counts as already there).</summary>
    private static async Task<int> Import(RunContext run, string oblast, IReadOnlyList<PlannedUnit> units, CancellationToken ct)
    {
        var officer = Cast.HousingOfficerOf(oblast);
        var csv = new StringBuilder("settlementKato;type;address;rooms;floorArea;capacity;appraisedValue;condition\n");
        foreach (var u in units)
            csv.Append(CultureInfo.InvariantCulture, $"{u.SettlementKato};{u.Type};\"{u.Address.Replace("\"", "\"\"", StringComparison.Ordinal)}\";{u.Rooms};{u.FloorArea};{u.Capacity};{u.AppraisedValue};{u.Condition}\n");
        // The gateway object gives the upload a key of this run's own (a key fixed by the seed would meet another run's
        // job: import ids are derived from the caller and the key).
        var job = (await run.Gateway.Send(officer, HttpMethod.Post, $"/api/housing/imports/units?fileName=stock-{oblast}.csv", null, null, ct,
            raw: (Encoding.UTF8.GetBytes(csv.ToString()), "text/csv"))).Expect(HttpStatusCode.Accepted).Id;
        var result = (await Eventually.Get(async () =>
        {
            var r = (await run.Gateway.Get(officer, $"/api/housing/imports/{job}", ct)).Expect();
            return r.Body.GetProperty("status").GetString() is "completed" or "failed" ? r : null;
        }, $"the stock import of oblast {oblast}", ct, TimeSpan.FromMinutes(10))).Body;
        if (result.GetProperty("status").GetString() != "completed" || result.GetProperty("rejected").GetInt32() > 0)
            throw new ProgramRunException($"The stock import of oblast {oblast} ended {result.GetProperty("status").GetString()}: {result}");
        return result.GetProperty("accepted").GetInt32() + result.GetProperty("alreadyPresent").GetInt32();
    }
}
