using System.Globalization;

namespace Migration.ProgramRun.Driver.Stages;

/// <summary>
/// Once the housing service has reserved a dwelling for an approved case, the family moves and the caseworker confirms
/// it; the families on the waitlist stay where they are.
/// </summary>
public static class MoveStage
{
    public static async Task<string> Run(RunContext run)
    {
        var api = run.Gateway;
        await run.ForEachHousehold(run.Households.Where(h => h.Active && h.Approved), async (h, ct) =>
        {
            var status = await Eventually.Get(async () =>
            {
                var r = await api.Get(Cast.HousingOfficerOf(h.DestinationOblast), $"/api/housing/reservations/{h.CaseId}", ct);
                return r.IsSuccess ? r.Body.GetProperty("status").GetString() : null;
            }, $"the housing of case {h.CaseId}", ct);
            if (status != "reserved") return;
            h.Housed = true;
            await CaseSteps.StepOnCurrent(run, Cast.CaseworkerOf(h.Plan.OriginOblast), h, "move-confirmation",
                new { arrivedOn = run.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }, ct);
            h.Moved = true;
        });
        return $"{run.Households.Count(h => h.Moved)} families moved, {run.Households.Count(h => h.Active && h.Approved && !h.Housed)} waiting for housing";
    }
}
