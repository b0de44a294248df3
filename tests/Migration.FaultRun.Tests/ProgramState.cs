using System.Text.Json;
using Migration.ProgramRun.Driver;

namespace Migration.FaultRun.Tests;

/// <summary>What the services say after the run, read through the gateway as the auditor (who reads everything).</summary>
public sealed record ProgramState(
    IReadOnlyList<JsonElement> Cases, IReadOnlyList<JsonElement> Payments, IReadOnlyList<JsonElement> BudgetLines,
    IReadOnlyDictionary<Guid, JsonElement> CaseDetails, IReadOnlyDictionary<string, Guid> HouseholdsByHeadIin)
{
    public static async Task<ProgramState> Read(Gateway api, IEnumerable<string> headIins, CancellationToken ct)
    {
        var cases = await All(api, "/api/cases", ct);
        var payments = await All(api, "/api/payments", ct);
        var lines = (await api.Get(Cast.Auditor, "/api/payments/budgets", ct)).Expect().Body.EnumerateArray().ToList();
        var details = new Dictionary<Guid, JsonElement>();
        foreach (var c in cases)
        {
            var id = c.GetProperty("id").GetGuid();
            details[id] = (await api.Get(Cast.Auditor, $"/api/cases/{id}", ct)).Expect().Body;
        }

        var households = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var iin in headIins)
        {
            var reply = await api.Get(Cast.Auditor, $"/api/registry/households/by-member/{iin}", ct);
            if (reply.IsSuccess) households[iin] = reply.Id;
        }

        return new ProgramState(cases, payments, lines, details, households);
    }

    public static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static Guid? Id(JsonElement e, string name) => Text(e, name) is { } text ? Guid.Parse(text) : null;

    private static async Task<List<JsonElement>> All(Gateway api, string path, CancellationToken ct)
    {
        var all = new List<JsonElement>();
        string? next = null;
        do
        {
            var page = (await api.Get(Cast.Auditor, $"{path}?limit=500{(next is null ? "" : "&continuationToken=" + Uri.EscapeDataString(next))}", ct)).Expect().Body;
            all.AddRange(page.GetProperty("items").EnumerateArray());
            next = Text(page, "continuationToken");
        }
        while (next is not null);
        return all;
    }
}
