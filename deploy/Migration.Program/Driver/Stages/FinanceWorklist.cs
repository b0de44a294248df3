using System.Text.Json;

namespace Migration.ProgramRun.Driver.Stages;

/// <summary>A calculated payment of one of the run's households, as the finance officer's queue shows it.</summary>
public sealed record QueuedPayment(Guid Id, long Version, string Benefit, bool AwaitsMove, HouseholdRun Household);

/// <summary>
/// The finance officer's work queue of an oblast: the calculated payments it pays (the destination's oblast pays), read
/// in pages of 500, kept to the run's own households (a demo run again finds an earlier cohort's payments waiting).
/// </summary>
public static class FinanceWorklist
{
    public static async Task<IReadOnlyList<QueuedPayment>> Calculated(
        RunContext run, string oblast, IReadOnlyDictionary<Guid, HouseholdRun> byCase, CancellationToken ct)
    {
        var queue = new List<QueuedPayment>();
        string? next = null;
        do
        {
            var path = $"/api/payments?status=calculated&oblast={oblast}&limit=500" + (next is null ? "" : $"&continuationToken={Uri.EscapeDataString(next)}");
            var page = (await run.Gateway.Get(Cast.FinanceOf(oblast), path, ct)).Expect().Body;
            foreach (var p in page.GetProperty("items").EnumerateArray())
            {
                if (p.GetProperty("destinationOblast").GetString() != oblast || !byCase.TryGetValue(p.GetProperty("caseId").GetGuid(), out var household)) continue;
                queue.Add(new QueuedPayment(p.GetProperty("id").GetGuid(), p.GetProperty("version").GetInt64(), p.GetProperty("benefit").GetString()!,
                    p.GetProperty("awaitsMove").GetBoolean(), household));
            }

            next = page.GetProperty("continuationToken") is { ValueKind: JsonValueKind.String } token ? token.GetString() : null;
        }
        while (next is not null);
        return queue;
    }
}
