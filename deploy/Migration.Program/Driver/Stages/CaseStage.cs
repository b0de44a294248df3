using System.Net;
using System.Text.Json;
using Migration.ProgramRun.Scenario;

namespace Migration.ProgramRun.Driver.Stages;

/// <summary>
/// Per household, in order: the caseworker of its oblast opens the case (once the case service knows the household),
/// assesses it, chooses a destination from the recommendations and submits it; the supervisor approves. A few families
/// withdraw, before or after the approval.
/// </summary>
public static class CaseStage
{
    public static async Task<string> Run(RunContext run)
    {
        var api = run.Gateway;
        var destinations = run.Scenario.Destinations.Select(d => d.Kato).ToHashSet(StringComparer.Ordinal);
        await run.ForEachHousehold(run.Households.Where(h => h.HouseholdId is not null), async (h, ct) =>
        {
            var caseworker = Cast.CaseworkerOf(h.Plan.OriginOblast);
            var opened = await Eventually.Get(async () =>
            {
                var r = await api.Post(caseworker, "/api/cases", new { householdId = h.HouseholdId }, ct);
                return r.Status == HttpStatusCode.Created ? r : r.Names("household.unknown") ? null : r.Expect(HttpStatusCode.Created);
            }, $"household {h.HouseholdId} known to the case service", ct);
            (h.CaseId, h.CaseETag) = (opened.Id, opened.ETag);
            await CaseSteps.Step(run, caseworker, h, "assessment", null, ct);

            var recommended = await Eventually.Get(async () =>
            {
                var r = await api.Get(caseworker, $"/api/cases/recommendations?householdId={h.HouseholdId}&limit=100", ct);
                if (!r.IsSuccess)
                {
                    if (!r.Names("household.unknown")) r.Expect();
                    return null;
                }

                var offered = r.Body.GetProperty("recommendations").EnumerateArray().Where(x => destinations.Contains(x.GetProperty("kato").GetString()!)).ToList();
                return offered.Count == 0 ? null : new[] { offered.FirstOrDefault(x => x.GetProperty("kato").GetString() == h.Plan.PlannedDestination, offered[0]) };
            }, $"recommendations for household {h.HouseholdId}", ct);
            var choice = recommended[0];
            h.Destination = choice.GetProperty("kato").GetString();
            await CaseSteps.Step(run, caseworker, h, "destination", new
            {
                destinationKato = h.Destination,
                reason = h.Destination == h.Plan.PlannedDestination ? "The family's choice among the recommendations: relatives and work there." : "The best recommendation.",
                recommendedRank = choice.GetProperty("rank").GetInt32(),
                recommendedScore = choice.GetProperty("score").GetDecimal(),
            }, ct);
            await CaseSteps.Step(run, caseworker, h, "submission", null, ct);
            if (h.Plan.Fate == HouseholdFate.WithdrawsBeforeApproval)
            {
                await CaseSteps.Step(run, caseworker, h, "withdrawal", new { reason = "The family decided to stay before the decision." }, ct);
                h.Withdrawn = true;
                return;
            }

            await CaseSteps.Step(run, Cast.SupervisorOf(h.Plan.OriginOblast), h, "approval", null, ct);
            h.Approved = true;
            if (h.Plan.Fate == HouseholdFate.WithdrawsAfterApproval)
            {
                await CaseSteps.StepOnCurrent(run, caseworker, h, "withdrawal", new { reason = "The family decided to stay after the approval." }, ct);
                h.Withdrawn = true;
            }
        });
        return $"{run.Households.Count(h => h.CaseId is not null)} cases opened, {run.Households.Count(h => h.Approved)} approved, " +
            $"{run.Households.Count(h => h.Withdrawn)} withdrawn, {run.Households.Count(h => h.Failure is not null)} failed";
    }
}
