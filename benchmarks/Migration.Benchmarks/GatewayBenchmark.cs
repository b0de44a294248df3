using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Migration.Identifiers;
using Migration.Testing;
using Migration.Testing.Hosting;

namespace Migration.Benchmarks;

/// <summary>
/// What the gateway costs on a database-backed read: one relocation case read by id (<c>GET /api/cases/{id}</c>, a
/// Marten document load, token validation, the oblast check) straight from the relocation-case service and through
/// the gateway (its token validation, rate limiting, headers and the proxy hop), alternated over several rounds so that
/// a change in the machine's load shows in both. Also the resident memory of every process, idle and after the load.
/// The whole system runs as in the end-to-end tests: identity, four services and the gateway as processes.
/// </summary>
public static class GatewayBenchmark
{
    /// <summary>The issue's target: the gateway at 80% of direct throughput or better.</summary>
    public const double Target = 0.80;

    public static async Task<IReadOnlyList<BenchmarkFigure>> Run(int workers, TimeSpan duration, int rounds, string outputDirectory, CancellationToken cancellationToken)
    {
        Console.WriteLine("Starting the system (identity, four services, gateway) …");
        await using var system = await ProgramSystem.Start("bench-gateway", new Dictionary<string, string> { ["Gateway:RateLimits:PermitLimit"] = "100000000" });
        var processes = new[] { ("identity", system.Identity) }.Concat(system.Processes.Select(p => (p.Key, p.Value))).Append(("gateway", system.Gateway)).ToList();
        var idle = processes.ToDictionary(p => p.Item1, p => ProcessMemory.ResidentBytes(p.Item2.ProcessId));

        var token = await system.Tokens.For("caseworker");
        var caseId = await ArrangeOneCase(system, cancellationToken);
        using var direct = Client(system.Processes["relocation-case"].Address, token, workers);
        using var gateway = Client(system.Gateway.Address, token, workers);
        var path = $"/api/cases/{caseId}";
        Func<CancellationToken, Task<bool>> Read(HttpClient client) => async ct =>
        {
            using var response = await client.GetAsync(path, ct);
            return response.StatusCode == HttpStatusCode.OK;
        };

        Console.WriteLine($"Warming up; then {rounds} rounds of {duration.TotalSeconds:0} s each way, {workers} concurrent callers …");
        await LoadRun.Measure("warm-up", Read(direct), workers, TimeSpan.FromSeconds(2), cancellationToken);
        await LoadRun.Measure("warm-up", Read(gateway), workers, TimeSpan.FromSeconds(2), cancellationToken);
        var runs = new List<(LoadRun Direct, LoadRun Gateway)>();
        for (var round = 1; round <= rounds; round++)
        {
            var d = await LoadRun.Measure("direct", Read(direct), workers, duration, cancellationToken);
            var g = await LoadRun.Measure("gateway", Read(gateway), workers, duration, cancellationToken);
            Console.WriteLine($"round {round}: {d}");
            Console.WriteLine($"round {round}: {g}");
            runs.Add((d, g));
        }

        var loaded = processes.ToDictionary(p => p.Item1, p => ProcessMemory.ResidentBytes(p.Item2.ProcessId));
        var report = Report(runs, idle, loaded, workers, duration);
        Directory.CreateDirectory(outputDirectory);
        await File.WriteAllTextAsync(Path.Combine(outputDirectory, "gateway.md"), report, cancellationToken);
        Console.WriteLine();
        Console.WriteLine(report);
        return Figures(runs);
    }

    private static List<BenchmarkFigure> Figures(List<(LoadRun Direct, LoadRun Gateway)> runs)
    {
        var ratio = Rate(runs.Select(r => r.Gateway)) / Rate(runs.Select(r => r.Direct));
        double Median(Func<(LoadRun Direct, LoadRun Gateway), double> added) => runs.Select(added).Order().ElementAt(runs.Count / 2);
        return
        [
            new("gateway", "case read: gateway ÷ direct throughput", BenchmarkFigure.Number(ratio, "0.00"), $"≥ {Target:0.00}", ratio >= Target),
            new("gateway", "added latency p50 / p99 (median of rounds)",
                $"{BenchmarkFigure.Number(Median(r => r.Gateway.P50Ms - r.Direct.P50Ms), "0.0")} / {BenchmarkFigure.Number(Median(r => r.Gateway.P99Ms - r.Direct.P99Ms), "0.0")} ms"),
        ];
    }

    private static double Rate(IEnumerable<LoadRun> runs) => runs.Sum(r => r.Requests) / runs.Sum(r => r.Elapsed.TotalSeconds);

    private static HttpClient Client(Uri address, string token, int workers)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = workers, PooledConnectionLifetime = TimeSpan.FromMinutes(10) }) { BaseAddress = address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Two certified settlements, a household at the origin, and the case opened for it once the case service knows it.</summary>
    private static async Task<Guid> ArrangeOneCase(ProgramSystem system, CancellationToken cancellationToken)
    {
        using var clerk = await system.Client("registry-clerk");
        using var caseworker = await system.Client("caseworker");
        var origin = RealSettlements.NextCode("59");
        var destination = RealSettlements.NextCode("35");
        (await clerk.PostAsJsonAsync("/api/registry/settlements", new { kato = origin, potentialClass = "low" }, cancellationToken)).EnsureSuccessStatusCode();
        (await clerk.PostAsJsonAsync("/api/registry/settlements", new { kato = destination, potentialClass = "high" }, cancellationToken)).EnsureSuccessStatusCode();
        using var registered = await clerk.PostAsJsonAsync("/api/registry/households",
            new { settlementKato = origin, members = new[] { People.Member("head", new DateOnly(1970, 1, 1), Sex.Male) } }, cancellationToken);
        registered.EnsureSuccessStatusCode();
        var household = (await registered.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid();
        using var opened = await Eventually.Get(async () =>
        {
            var response = await caseworker.PostAsJsonAsync("/api/cases", new { householdId = household }, cancellationToken);
            return response.StatusCode == HttpStatusCode.Created ? response : null;
        }, "the household known to the case service");
        return (await opened.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid();
    }

    private static string Report(
        IReadOnlyList<(LoadRun Direct, LoadRun Gateway)> runs, IReadOnlyDictionary<string, long?> idle, IReadOnlyDictionary<string, long?> loaded, int workers, TimeSpan duration)
    {
        var text = new StringBuilder();
        var ci = CultureInfo.InvariantCulture;
        text.AppendLine(ci, $"## Gateway against direct ({DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, {workers} callers, {duration.TotalSeconds:0} s per run)");
        text.AppendLine();
        text.AppendLine("| round | direct req/s | gateway req/s | **gateway / direct** | direct p50 / p99 ms | gateway p50 / p99 ms | added p50 / p99 ms |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var ((d, g), i) in runs.Select((r, i) => (r, i + 1)))
        {
            text.AppendLine(ci, $"| {i} | {d.PerSecond:0} | {g.PerSecond:0} | **{g.PerSecond / d.PerSecond:0.00}** | {d.P50Ms:0.0} / {d.P99Ms:0.0} | {g.P50Ms:0.0} / {g.P99Ms:0.0} | {g.P50Ms - d.P50Ms:0.0} / {g.P99Ms - d.P99Ms:0.0} |");
        }

        var directRate = Rate(runs.Select(r => r.Direct));
        var gatewayRate = Rate(runs.Select(r => r.Gateway));
        text.AppendLine(ci, $"| all | {directRate:0} | {gatewayRate:0} | **{gatewayRate / directRate:0.00}** | | | |");
        text.AppendLine();
        text.AppendLine(ci, $"Failed requests: direct {runs.Sum(r => r.Direct.Failures)}, gateway {runs.Sum(r => r.Gateway.Failures)}.");
        text.AppendLine();
        text.AppendLine("| process | resident memory idle | after the load |");
        text.AppendLine("| --- | ---: | ---: |");
        foreach (var (name, before) in idle)
            text.AppendLine(ci, $"| {name} | {MemorySample.Megabytes(before)} | {MemorySample.Megabytes(loaded.GetValueOrDefault(name))} |");
        return text.ToString();
    }

}
