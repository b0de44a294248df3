using System.Globalization;
using Migration.ProgramRun.Driver;
using Migration.ProgramRun.Report;
using Migration.ProgramRun.Scenario;

// Usage:
//   Migration.Program [run] [--gateway URL] [--factor 0.05] [--seed N] [--parallelism 6]   generate stage 1 and play it, then report
//   Migration.Program report [--gateway URL]                                               print the program report from the system's state
// The gateway defaults to the GATEWAY_URL variable, then http://localhost:8080 (a bare URL as the last argument also works,
// as the AppHost passes it). A run without --seed takes a new seed, so that running the demo again adds a new cohort.
var options = Options.Parse(args);
using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(options.Factor > 1 ? 600 : 10));
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
using var api = new Gateway(options.Gateway);
await api.WaitUntilReady(cancel.Token);
try
{
    if (options.Command == "report")
    {
        Console.WriteLine((await ProgramReport.Read(api, [], cancel.Token)).Render());
        return 0;
    }

    var scenario = ScenarioGenerator.Generate(options.Seed, options.Factor);
    var report = await ProgramDriver.Run(api, scenario, Console.Out, cancel.Token, options.Parallelism);
    Console.WriteLine();
    Console.WriteLine(report.Render());
    return 0;
}
catch (ProgramRunException e)
{
    await Console.Error.WriteLineAsync($"The program run stopped: {e.Message}");
    return 1;
}

/// <summary>The command line.</summary>
internal sealed record Options(string Command, Uri Gateway, decimal Factor, int Seed, int Parallelism)
{
    public static Options Parse(string[] args)
    {
        var command = args.FirstOrDefault() is "run" or "report" ? args[0] : "run";
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var gateway = Value("--gateway") ?? args.LastOrDefault(a => a.StartsWith("http", StringComparison.Ordinal))
            ?? Environment.GetEnvironmentVariable("GATEWAY_URL") ?? "http://localhost:8080";
        return new Options(command, new Uri(gateway),
            decimal.Parse(Value("--factor") ?? Environment.GetEnvironmentVariable("PROGRAM_FACTOR") ?? ScenarioGenerator.DefaultFactor.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
            int.Parse(Value("--seed") ?? Random.Shared.Next(1, 1_000_000).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
            int.Parse(Value("--parallelism") ?? ProgramDriver.DefaultParallelism.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
    }
}
