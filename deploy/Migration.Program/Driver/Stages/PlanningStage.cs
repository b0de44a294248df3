using System.Net;
using System.Text.Json;
using Migration.ProgramRun.Scenario;

namespace Migration.ProgramRun.Driver.Stages;

/// <summary>
/// The admin opens the budget lines of 2004–2006 (republican and local, per receiving oblast) and sets the quotas: the
/// stage-1 years as planned, and this year's, which the approvals of the run use (the run plays the program today),
/// as what is already used plus the whole stage's plan.
/// </summary>
public static class PlanningStage
{
    public static async Task<string> Run(RunContext run)
    {
        var (api, token) = (run.Gateway, run.CancellationToken);
        int opened = 0, already = 0;
        foreach (var line in run.Scenario.BudgetLines)
        {
            var reply = await api.Post(Cast.Admin, "/api/payments/budgets", new
            {
                fiscalYear = line.FiscalYear, source = line.Source, oblast = line.Oblast, allocatedKzt = line.AllocatedKzt, reference = line.Reference,
            }, token);
            if (reply.Status == HttpStatusCode.Conflict) already++;
            else
            {
                reply.Expect(HttpStatusCode.Created);
                opened++;
            }
        }

        foreach (var line in (await api.Get(Cast.Admin, "/api/payments/budgets", token)).Expect().Body.EnumerateArray())
            run.BudgetLines[(line.GetProperty("fiscalYear").GetInt32(), line.GetProperty("source").GetString()!, line.GetProperty("oblast").GetString()!)] =
                line.GetProperty("id").GetGuid();

        foreach (var quota in run.Scenario.Quotas)
        {
            var reply = await api.Put(Cast.Admin, $"/api/cases/quotas/{quota.Oblast}/{quota.Year}",
                new { maxHouseholds = quota.MaxHouseholds, maxPeople = quota.MaxPeople }, token);
            if (reply.Code != "quota.below-use") reply.Expect();
        }

        var year = run.Today.Year;
        var current = (await api.Get(Cast.Admin, $"/api/cases/quotas?year={year}", token)).Expect().Body.GetProperty("items").EnumerateArray()
            .ToDictionary(q => q.GetProperty("oblast").GetString()!, q => q, StringComparer.Ordinal);
        foreach (var oblast in StageOne.ReceivingOblasts)
        {
            var planned = run.Scenario.Quotas.Where(q => q.Oblast == oblast).ToList();
            var used = current.TryGetValue(oblast, out var q) ? (q.GetProperty("householdsApproved").GetInt32(), q.GetProperty("peopleApproved").GetInt32()) : (0, 0);
            (await api.Put(Cast.Admin, $"/api/cases/quotas/{oblast}/{year}",
                new { maxHouseholds = used.Item1 + planned.Sum(p => p.MaxHouseholds), maxPeople = used.Item2 + planned.Sum(p => p.MaxPeople) }, token)).Expect();
        }

        return $"{opened} budget lines opened, {already} already there (republican {run.Scenario.BudgetLines.Where(l => l.Source == "republican").Sum(l => l.AllocatedKzt):N0} KZT); " +
            $"quotas for {StageOne.ReceivingOblasts.Length} oblasts × {StageOne.Years.Length} years and {year}";
    }

    /// <summary>The line that pays <paramref name="benefit"/>: the rent compensation from the local budget, the rest from the republican one.</summary>
    public static Guid LineFor(RunContext run, HouseholdRun household, string benefit)
    {
        var source = benefit == "rent-compensation" ? "local" : "republican";
        return run.BudgetLines.TryGetValue((household.Plan.ProgramYear, source, household.DestinationOblast), out var id)
            ? id
            : throw new ProgramRunException($"No {source} budget line {household.Plan.ProgramYear} for oblast {household.DestinationOblast}.");
    }

    internal static JsonElement Items(Reply reply) => reply.Body.ValueKind == JsonValueKind.Array ? reply.Body : reply.Body.GetProperty("items");
}
