using System.Diagnostics;
using System.Globalization;
using Migration.ProgramRun.Driver;
using Migration.ProgramRun.Scenario;
using Migration.Testing.Hosting;
using Migration.Testing.Servers;

namespace Migration.Benchmarks;

/// <summary>
/// Scale-out: the same stage-1 program played through the gateway in front of 1, 2 and 3 instances of every service
/// (the identity service and the gateway once), each on a system of its own started as the failover run starts it, on
/// the same PostgreSQL and RabbitMQ. It reports cases per second for each instance count as a ratio to one instance,
/// and where the CPU went: the system's processes by part, PostgreSQL, RabbitMQ, and the whole machine.
/// </summary>
public static class ScaleOutBenchmark
{
    public static async Task Run(BenchmarkArguments options, CancellationToken cancellationToken)
    {
        var scenario = ScenarioGenerator.Generate(options.Seed, options.Factor);
        var parallelism = options.Parallelism > 0 ? options.Parallelism : ProgramDriver.DefaultParallelism;
        var servers = await TestServers.Get();
        // Three systems' worth of processes on shared cores: give events the time the failover run gives them.
        Migration.ProgramRun.Driver.Eventually.DefaultTimeout = TimeSpan.FromMinutes(3);
        var runs = new List<ScaleOutRun>();
        for (var round = 0; round < options.Rounds; round++)
        {
            // Alternate the order between rounds, so that a machine getting busier or quieter favours no count.
            foreach (var instances in round % 2 == 0 ? options.Instances : options.Instances.Reverse())
            {
                Console.WriteLine($"Round {round + 1}: {instances} instance(s) of every service, factor {options.Factor} ({scenario.Households.Count} households) …");
                runs.Add(await Play(servers, instances, scenario, parallelism, cancellationToken));
                Console.WriteLine(runs[^1]);
            }
        }

        var text = ScaleOutRun.Render(options, scenario, parallelism, runs);
        Directory.CreateDirectory(options.OutputDirectory);
        var file = Path.Combine(options.OutputDirectory, $"scale-out-x{options.Factor.ToString(CultureInfo.InvariantCulture)}.md");
        await File.WriteAllTextAsync(file, text, cancellationToken);
        Console.WriteLine();
        Console.WriteLine(text);
        Console.WriteLine($"Written to {file}.");
    }

    private static async Task<ScaleOutRun> Play(ServerEndpoints servers, int instances, ProgramScenario scenario, int parallelism, CancellationToken cancellationToken)
    {
        await using var system = await ProgramSystem.StartReplicated($"bench-scale{instances}", servers, instances);
        var parts = system.Instances.SelectMany(s => s.Value.Select(i => (Part: s.Key, i.ProcessId)))
            .Append((Part: "identity", system.Identity.ProcessId)).Append((Part: "gateway", system.Gateway.ProcessId)).ToList();
        var postmaster = ProcessCpu.LocalPostmaster();
        var broker = ProcessCpu.LocalRabbitMq();
        Dictionary<string, TimeSpan> Cpu() => parts.GroupBy(p => p.Part)
            .Select(g => (g.Key, Used: g.Aggregate(TimeSpan.Zero, (sum, p) => sum + (ProcessCpu.Of(p.ProcessId) ?? TimeSpan.Zero))))
            .Append(("postgresql", ProcessCpu.OfPostgres(postmaster) ?? TimeSpan.Zero))
            .Append(("rabbitmq", ProcessCpu.Of(broker) ?? TimeSpan.Zero))
            .ToDictionary(p => p.Item1, p => p.Item2, StringComparer.Ordinal);

        var bytesBefore = await SystemFootprint.DatabaseBytes(system.Isolation, cancellationToken);
        var load = ProgramBenchmark.LoadAverage();
        var cpuBefore = Cpu();
        var machineBefore = MachineCpu.Busy();
        using var api = new Gateway(system.Gateway.Address);
        var clock = Stopwatch.StartNew();
        var report = await ProgramDriver.Run(api, scenario, TextWriter.Null, cancellationToken, parallelism);
        var elapsed = clock.Elapsed;
        var machine = MachineCpu.Busy() - machineBefore;
        var cpu = Cpu().ToDictionary(c => c.Key, c => c.Value - cpuBefore.GetValueOrDefault(c.Key), StringComparer.Ordinal);
        var loadAfter = ProgramBenchmark.LoadAverage();
        var events = (await EventCounts.Read(system.Isolation, cancellationToken)).Values.Sum();
        var bytes = (await SystemFootprint.DatabaseBytes(system.Isolation, cancellationToken))
            .ToDictionary(b => b.Key, b => b.Value - bytesBefore.GetValueOrDefault(b.Key), StringComparer.Ordinal);
        var messages = await SystemFootprint.MessagesDelivered(system.Isolation, cancellationToken);
        return new ScaleOutRun(instances, report, elapsed, api.Requests, events, cpu, machine, load, loadAfter) { Messages = messages, DatabaseBytes = bytes };
    }
}
