using System.Text.Json;
using Migration.ProgramRun.Report;
using Migration.ProgramRun.Scenario;
using static Migration.FaultRun.Tests.ProgramState;

namespace Migration.FaultRun.Tests;

/// <summary>
/// The program's invariants after a run, each a check that returns its violations, naming the offending ids: every case
/// in the final state its fate dictates; no payment paid twice; every budget line balancing against its payments; no
/// housing unit held by two cases; every event's effect applied once in every consumer.
/// </summary>
public sealed class Invariants(ProgramScenario scenario, ProgramState state, EventCounts events)
{
    private static readonly string[] Committing = ["approved", "batched", "sent"];

    private IEnumerable<(PlannedHousehold Plan, Guid? HouseholdId)> Households =>
        scenario.Households.Select(h => (h, state.HouseholdsByHeadIin.TryGetValue(h.Members[0].Iin, out var id) ? id : (Guid?)null));

    private IEnumerable<JsonElement> CasesOf(Guid householdId) => state.Cases.Where(c => c.GetProperty("householdId").GetGuid() == householdId);

    private static string Outcome(JsonElement c) =>
        Outcomes.Of(Text(c, "status")!, Text(c, "endReason"), c.TryGetProperty("housing", out var h) ? Text(h, "status") : null);

    private IEnumerable<Guid> RelocatedCases => state.Cases.Where(c => Outcome(c) == Outcomes.Relocated).Select(c => c.GetProperty("id").GetGuid());

    private IEnumerable<Guid> ApprovedCases => state.Cases
        .Where(c => Outcome(c) is Outcomes.Relocated or Outcomes.WaitingForHousing || c.TryGetProperty("quotaYear", out var y) && y.ValueKind == JsonValueKind.Number)
        .Select(c => c.GetProperty("id").GetGuid());

    /// <summary>Every invariant by name, with its violations (none when it holds).</summary>
    /// <param name="ledgerOf">A household's payment ledger as the payment service answers it (null when it does not).</param>
    public async Task<IReadOnlyDictionary<string, List<string>>> All(Func<Guid, Task<JsonElement?>> ledgerOf) =>
        new Dictionary<string, IEnumerable<string>>
        {
            ["every case reaches its final state"] = CasesReachTheirFinalState(),
            ["no payment paid twice"] = await NoPaymentPaidTwice(),
            ["ledgers: paid = entitled"] = await LedgersPaidAsEntitled(ledgerOf),
            ["every budget line balances"] = BudgetLinesBalance(),
            ["no housing unit held by two cases"] = await NoUnitHeldByTwoCases(),
            ["every event's effect applied once"] = await EveryEffectAppliedOnce(),
        }.ToDictionary(v => v.Key, v => v.Value.ToList());

    /// <summary>Every household registered once, with one case, in the state its fate dictates.</summary>
    public IEnumerable<string> CasesReachTheirFinalState()
    {
        foreach (var (plan, householdId) in Households)
        {
            if (householdId is not { } id)
            {
                yield return $"household {plan.Number} (head {plan.Members[0].Iin[..6]}…) is not in the registry";
                continue;
            }

            var cases = CasesOf(id).ToList();
            if (cases.Count != 1)
            {
                yield return $"household {id} has {cases.Count} cases: {string.Join(", ", cases.Select(c => c.GetProperty("id").GetGuid()))}";
                continue;
            }

            var (caseId, outcome, destination) = (cases[0].GetProperty("id").GetGuid(), Outcome(cases[0]), Text(cases[0], "destinationKato"));
            var expected = plan.Fate == HouseholdFate.Relocates ? Outcomes.Relocated : Outcomes.Withdrawn;
            var waitingAsPlanned = plan.Fate == HouseholdFate.Relocates && outcome == Outcomes.WaitingForHousing && destination == StageOne.WaitlistDestination;
            if (outcome != expected && !waitingAsPlanned)
                yield return $"case {caseId} of household {id} (fate {plan.Fate}) ended '{outcome}', expected '{expected}'";
        }

        var households = state.HouseholdsByHeadIin.Values.ToHashSet();
        foreach (var c in state.Cases.Where(c => !households.Contains(c.GetProperty("householdId").GetGuid())))
            yield return $"case {c.GetProperty("id").GetGuid()} belongs to household {c.GetProperty("householdId").GetGuid()}, which the scenario never registered";
    }

    /// <summary>No payment paid twice: one paid event per payment, one paid payment per line of an entitlement, ledgers entitled = paid.</summary>
    public async Task<IEnumerable<string>> NoPaymentPaidTwice()
    {
        var violations = new List<string>();
        violations.AddRange((await events.Per("subsidy-payment", "payment_paid")).Where(p => p.Value > 1)
            .Select(p => $"payment {p.Key} was paid {p.Value} times"));
        violations.AddRange(state.Payments.Where(p => Text(p, "status") == "paid")
            .GroupBy(p => (Case: Id(p, "caseId"), Benefit: Text(p, "benefit"), Iin: Text(p, "iin"), Instalment: p.TryGetProperty("instalment", out var i) ? i.ToString() : ""))
            .Where(g => g.Count() > 1)
            .Select(g => $"case {g.Key.Case}: {g.Key.Benefit} (instalment {g.Key.Instalment}) paid by {g.Count()} payments: {string.Join(", ", g.Select(p => Id(p, "id")))}"));
        violations.AddRange(state.Payments.Where(p => Text(p, "status") == "paid" && Text(p, "endToEndId") is not null)
            .GroupBy(p => Text(p, "endToEndId")).Where(g => g.Count() > 1)
            .Select(g => $"end-to-end id {g.Key} paid for {g.Count()} payments"));
        foreach (var caseId in RelocatedCases)
        {
            var payments = state.Payments.Where(p => Id(p, "caseId") == caseId).ToList();
            var unsettled = payments.Where(p => Text(p, "status") is not ("paid" or "returned" or "cancelled")).ToList();
            if (unsettled.Count > 0)
                violations.Add($"relocated case {caseId} has unsettled payments: {string.Join(", ", unsettled.Select(p => $"{Id(p, "id")} {Text(p, "status")}"))}");
            var returnedNotReissued = payments.Where(p => Text(p, "status") == "returned" && Id(p, "reissuedAs") is null).ToList();
            if (returnedNotReissued.Count > 0)
                violations.Add($"relocated case {caseId} has returned payments never reissued: {string.Join(", ", returnedNotReissued.Select(p => Id(p, "id")))}");
        }

        return violations;
    }

    /// <summary>Each relocated household's ledger: what it was entitled to is what it was paid, no more, no less.</summary>
    public async Task<IEnumerable<string>> LedgersPaidAsEntitled(Func<Guid, Task<JsonElement?>> ledgerOf)
    {
        var violations = new List<string>();
        foreach (var household in state.Cases.Where(c => Outcome(c) == Outcomes.Relocated).Select(c => c.GetProperty("householdId").GetGuid()))
        {
            if (await ledgerOf(household) is not { } ledger)
            {
                violations.Add($"relocated household {household} has no ledger");
                continue;
            }

            var total = ledger.GetProperty("total");
            var (entitled, paid) = (total.GetProperty("entitled").GetDecimal(), total.GetProperty("paid").GetDecimal());
            if (entitled != paid) violations.Add($"household {household}: entitled {entitled:0.00} KZT, paid {paid:0.00} KZT");
        }

        return violations;
    }

    /// <summary>Every budget line balances, and what it says is committed and spent is what its payments add up to.</summary>
    public IEnumerable<string> BudgetLinesBalance()
    {
        foreach (var line in state.BudgetLines)
        {
            var id = line.GetProperty("id").GetGuid();
            var (allocated, committed, spent) = (line.GetProperty("allocatedKzt").GetDecimal(), line.GetProperty("committedKzt").GetDecimal(), line.GetProperty("spentKzt").GetDecimal());
            var available = line.TryGetProperty("availableKzt", out var a) ? a.GetDecimal() : allocated - committed - spent;
            if (allocated != available + committed + spent)
                yield return $"budget line {id}: allocated {allocated:0.00} ≠ available {available:0.00} + committed {committed:0.00} + spent {spent:0.00}";
            var onLine = state.Payments.Where(p => Id(p, "budgetLineId") == id).ToList();
            var approved = onLine.Where(p => Committing.Contains(Text(p, "status"))).Sum(p => p.GetProperty("amountKzt").GetDecimal());
            var paid = onLine.Where(p => Text(p, "status") == "paid").Sum(p => p.GetProperty("amountKzt").GetDecimal());
            if (committed != approved) yield return $"budget line {id}: committed {committed:0.00} KZT, but its approved payments add up to {approved:0.00}";
            if (spent != paid) yield return $"budget line {id}: spent {spent:0.00} KZT, but its paid payments add up to {paid:0.00}";
        }
    }

    /// <summary>No housing unit reserved or allocated to two cases; no case with two units; each relocated case housed once.</summary>
    public async Task<IEnumerable<string>> NoUnitHeldByTwoCases()
    {
        var violations = new List<string>();
        violations.AddRange((await events.Per("housing-allocation", "housing_allocated", "UnitId")).Where(u => u.Value > 1)
            .Select(u => $"unit {u.Key} was allocated {u.Value} times"));
        violations.AddRange((await events.Per("housing-allocation", "unit_occupied")).Where(u => u.Value > 1)
            .Select(u => $"unit {u.Key} was occupied {u.Value} times"));
        var allocatedPerCase = await events.Per("housing-allocation", "housing_allocated", "CaseId");
        violations.AddRange(allocatedPerCase.Where(c => c.Value > 1).Select(c => $"case {c.Key} was allocated {c.Value} units"));
        violations.AddRange(RelocatedCases.Where(c => allocatedPerCase.GetValueOrDefault(c) != 1)
            .Select(c => $"relocated case {c} was allocated {allocatedPerCase.GetValueOrDefault(c)} units"));
        var held = state.CaseDetails.Values
            .Select(c => (Case: c.GetProperty("id").GetGuid(), Unit: c.TryGetProperty("housing", out var h) ? Id(h, "unitId") : null, Status: c.TryGetProperty("housing", out var s) ? Text(s, "status") : null))
            .Where(x => x.Unit is not null && x.Status is "reserved" or "allocated");
        violations.AddRange(held.GroupBy(x => x.Unit).Where(g => g.Count() > 1)
            .Select(g => $"unit {g.Key} is held by cases {string.Join(", ", g.Select(x => x.Case))}"));
        return violations;
    }

    /// <summary>
    /// Every event's effect applied once in every consumer: the registry moved each relocated household once (and no
    /// other); housing took each approval once; the payment service computed each approved case's entitlement once;
    /// each case closed once; the case service's record of every case's payments is the payment service's.
    /// </summary>
    public async Task<IEnumerable<string>> EveryEffectAppliedOnce()
    {
        var violations = new List<string>();
        var relocatedHouseholds = state.Cases.Where(c => Outcome(c) == Outcomes.Relocated).Select(c => c.GetProperty("householdId").GetGuid()).ToHashSet();
        // Version 1 of the event kept its name; version 2 is stored with a suffix.
        var moves = await events.Per("registry", ["household_moved", "household_moved_v2"]);
        violations.AddRange(relocatedHouseholds.Where(h => moves.GetValueOrDefault(h) != 1).Select(h => $"relocated household {h} moved {moves.GetValueOrDefault(h)} times in the registry"));
        violations.AddRange(moves.Where(m => !relocatedHouseholds.Contains(m.Key)).Select(m => $"household {m.Key} moved in the registry, but its case is not relocated"));

        // A case withdrawn after its approval may reach housing and the payment service as ended before its approval does
        // (messages are not ordered: a page is published concurrently, a delivery is retried across a restart): then they
        // reserve and compute nothing for it, on purpose, and nothing may be paid for it.
        var withdrawn = state.Cases.Where(c => Outcome(c) == Outcomes.Withdrawn).Select(c => c.GetProperty("id").GetGuid()).ToHashSet();
        var placements = await events.Per("housing-allocation", "placement_requested", "CaseId");
        violations.AddRange(placements.Where(p => p.Value > 1).Select(p => $"housing took the approval of case {p.Key} {p.Value} times"));
        violations.AddRange(ApprovedCases.Where(c => !placements.ContainsKey(c) && !withdrawn.Contains(c)).Select(c => $"housing never heard of the approval of case {c}"));

        var entitlements = await events.Per("subsidy-payment", "entitlement_calculated", "CaseId");
        violations.AddRange(entitlements.Where(e => e.Value > 1).Select(e => $"the entitlement of case {e.Key} was calculated {e.Value} times"));
        violations.AddRange(ApprovedCases.Where(c => !entitlements.ContainsKey(c) && !withdrawn.Contains(c))
            .Select(c => $"the payment service never calculated the entitlement of approved case {c}"));
        violations.AddRange(ApprovedCases.Where(c => !entitlements.ContainsKey(c) && withdrawn.Contains(c) && state.Payments.Any(p => Id(p, "caseId") == c))
            .Select(c => $"withdrawn case {c} has payments but no entitlement"));

        violations.AddRange((await events.Per("relocation-case", "case_closed")).Where(c => c.Value > 1).Select(c => $"case {c.Key} closed {c.Value} times"));

        foreach (var (caseId, detail) in state.CaseDetails)
        {
            var known = detail.TryGetProperty("payments", out var p) && p.ValueKind == JsonValueKind.Object
                ? p.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("paymentId").GetGuid(), i => Text(i, "status"))
                : [];
            foreach (var payment in state.Payments.Where(x => Id(x, "caseId") == caseId && Text(x, "status") is "paid" or "returned" or "cancelled"))
            {
                var (id, status) = (Id(payment, "id")!.Value, Text(payment, "status"));
                if (known.GetValueOrDefault(id) != status)
                    violations.Add($"case {caseId}: payment {id} is {status} in the payment service, {known.GetValueOrDefault(id) ?? "unknown"} in the case service");
            }

            var ids = state.Payments.Where(x => Id(x, "caseId") == caseId).Select(x => Id(x, "id")!.Value).ToHashSet();
            violations.AddRange(known.Keys.Where(k => !ids.Contains(k)).Select(k => $"case {caseId}: the case service records payment {k}, which the payment service does not have"));
        }

        return violations;
    }
}
