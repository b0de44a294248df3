using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Migration.Registry.Importing;
using Migration.Registry.Kato;
using Migration.ServiceDefaults.Importing;
using ImportJob = Migration.ServiceDefaults.Importing.ImportJob<Migration.Registry.Importing.ImportKind>;

namespace Migration.Benchmarks;

/// <summary>
/// The national-scale import against the raw batched append, in one run on the same server: (a) generate the two files,
/// (b) measure the raw append on a fresh database, (c) import settlements then households on another fresh database with
/// the registry's own import processor, sampling memory at each quarter of the households file, (d) report.
/// </summary>
public static class ImportBenchmark
{
    /// <summary>The registry issue's target: the import at half the raw batched append rate or better.</summary>
    public const double Target = 0.50;

    public static async Task<IReadOnlyList<BenchmarkFigure>> Run(BenchmarkArguments a, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(a.OutputDirectory);
        var data = new NationalData(a.Settlements, a.Persons, a.Seed);
        var settlementsFile = Path.Combine(a.OutputDirectory, $"settlements-{a.Settlements}-{a.Seed}.csv");
        var householdsFile = Path.Combine(a.OutputDirectory, $"households-{a.Persons}-{a.Seed}.csv");
        var generation = Stopwatch.StartNew();
        await NationalFiles.WriteSettlements(data, settlementsFile, a.Seed, cancellationToken);
        await NationalFiles.WriteHouseholds(data, householdsFile, cancellationToken);
        Say($"generated {settlementsFile} and {householdsFile} ({MemorySample.Megabytes(new FileInfo(householdsFile).Length)}) in {generation.Elapsed.TotalSeconds:0.0} s");

        var postgres = await BenchmarkPostgres.Find(cancellationToken);
        var suffix = TimeProvider.System.GetUtcNow().ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        string rawDatabase = $"bench_raw_{suffix}", importDatabase = $"bench_import_{suffix}";
        try
        {
            // The raw append runs half before and half after the import (other work on the machine changes over minutes).
            var sample = RawAppend.Sample(data.Households(), a.RawPersons);
            var halves = sample.Chunk((sample.Count + 1) / 2).ToList();
            await using var rawHost = await RegistryHost.Create(await postgres.Create(rawDatabase, cancellationToken), a.Batch, cancellationToken);
            var rawBefore = await RawAppend.Measure(rawHost.Store, halves[0], a.Batch, cancellationToken);
            Say($"raw append before the import: {rawBefore.Persons:N0} persons in {rawBefore.Elapsed.TotalSeconds:0.0} s = {rawBefore.PerSecond:N0} persons/s");

            await using var import = await RegistryHost.Create(await postgres.Create(importDatabase, cancellationToken), a.Batch, cancellationToken);
            await using (var kato = File.OpenRead(Directory.GetFiles(Path.Combine(Repository.Root, "services", "Migration.Registry", "Reference"), "kato-*.csv").Max()!))
                await LoadingKatoEdition.Load(import.Store, new DateOnly(2022, 10, 17), kato, "benchmark", TimeProvider.System, cancellationToken);

            var (settlementJob, settlementTime) = await Import(import.Processor, ImportKind.Settlements, settlementsFile, null, cancellationToken);
            Say($"settlements: {settlementJob.Accepted:N0} accepted, {settlementJob.Rejected:N0} rejected in {settlementTime.TotalSeconds:0.0} s");

            var samples = new List<MemorySample> { MemorySample.Take("before", 0) };
            var quarter = 1;
            var warm = (Rows: 0L, At: TimeSpan.Zero);
            var clock = Stopwatch.StartNew();
            var (householdJob, householdTime) = await Import(import.Processor, ImportKind.Households, householdsFile, job =>
            {
                if (warm.Rows == 0) warm = (job.RowsRead, clock.Elapsed);
                while (quarter <= 4 && job.RowsRead >= (long)a.Persons * quarter / 4)
                    samples.Add(MemorySample.Take($"{25 * quarter++}%", job.RowsRead));
            }, cancellationToken);
            var imported = new Rate(householdJob.RowsRead - warm.Rows, 0, householdTime - warm.At);
            Say($"households: {householdJob.Accepted:N0} persons accepted, {householdJob.Rejected:N0} rejected in {householdTime.TotalSeconds:0.0} s = {imported.PerSecond:N0} persons/s");
            var rawAfter = await RawAppend.Measure(rawHost.Store, halves[^1], a.Batch, cancellationToken);
            Say($"raw append after the import: {rawAfter.Persons:N0} persons in {rawAfter.Elapsed.TotalSeconds:0.0} s = {rawAfter.PerSecond:N0} persons/s");
            var raw = rawBefore + rawAfter;

            var report = Report(a, data, new FileInfo(householdsFile).Length, rawBefore, rawAfter, settlementJob, settlementTime, householdJob, householdTime, imported, samples);
            var reportFile = Path.Combine(a.OutputDirectory, $"import-{suffix}.md");
            await File.WriteAllTextAsync(reportFile, report, cancellationToken);
            Console.WriteLine();
            Console.WriteLine(report);
            Say($"report written to {reportFile}");
            var ratio = imported.PerSecond / raw.PerSecond;
            return
            [
                new("import", $"registry import ÷ raw batched appends, persons/s ({a.Persons:N0} persons)", BenchmarkFigure.Number(ratio, "0.00"), $"≥ {Target:0.00}", ratio >= Target),
                new("import", "peak working set of the importing process", MemorySample.Megabytes(samples.Max(m => m.PeakWorkingSet))),
            ];
        }
        finally
        {
            if (!a.Keep)
            {
                await postgres.Drop(rawDatabase, CancellationToken.None);
                await postgres.Drop(importDatabase, CancellationToken.None);
            }
        }
    }

    /// <summary>Runs one import job in-process, exactly as the registry's worker does; the job as it ended and the time it took.</summary>
    private static async Task<(ImportJob Job, TimeSpan Elapsed)> Import(
        ImportProcessor processor, ImportKind kind, string file, Action<ImportJob>? afterBatch, CancellationToken cancellationToken)
    {
        var job = new ImportJob(Guid.CreateVersion7(), kind, ImportStatus.Queued, Path.GetFileName(file), new FileInfo(file).Length, "benchmark", "*",
            $"benchmark-{kind}", Environment.MachineName, DateTimeOffset.UtcNow);
        var clock = Stopwatch.StartNew();
        await using var csv = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        var finished = await processor.Run(job, csv, cancellationToken, afterBatch);
        return finished.Status == ImportStatus.Completed ? (finished, clock.Elapsed) : throw new InvalidOperationException($"The {kind} import failed: {finished.Error}");
    }

    private static string Report(BenchmarkArguments a, NationalData data, long fileBytes, Rate rawBefore, Rate rawAfter, ImportJob settlements, TimeSpan settlementTime,
        ImportJob households, TimeSpan householdTime, Rate imported, List<MemorySample> samples)
    {
        var raw = rawBefore + rawAfter;
        var text = new StringBuilder();
        void Line(string line) => text.Append(line).Append('\n');
        Line(string.Create(CultureInfo.InvariantCulture, $"Import benchmark, {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}"));
        Line(string.Create(CultureInfo.InvariantCulture, $"Files: {data.SettlementCodes.Count:N0} settlements; {a.Persons:N0} persons in {households.RowsRead:N0} rows ({MemorySample.Megabytes(fileBytes)}); batch {a.Batch} households per transaction; seed {a.Seed}."));
        Line("");
        Line("| measurement | persons (rows) | seconds | persons/s |");
        Line("| --- | ---: | ---: | ---: |");
        Line(string.Create(CultureInfo.InvariantCulture, $"| raw append before the import: HouseholdRegistered streams only, {a.Batch} households/tx | {rawBefore.Persons:N0} | {rawBefore.Elapsed.TotalSeconds:0.0} | {rawBefore.PerSecond:N0} |"));
        Line(string.Create(CultureInfo.InvariantCulture, $"| raw append after the import (same database, continued) | {rawAfter.Persons:N0} | {rawAfter.Elapsed.TotalSeconds:0.0} | {rawAfter.PerSecond:N0} |"));
        Line(string.Create(CultureInfo.InvariantCulture, $"| **raw append, both** | {raw.Persons:N0} | {raw.Elapsed.TotalSeconds:0.0} | **{raw.PerSecond:N0}** |"));
        Line(string.Create(CultureInfo.InvariantCulture, $"| **import: households file** (read, validate, IIN claims, events, progress) | {imported.Persons:N0} | {imported.Elapsed.TotalSeconds:0.0} | **{imported.PerSecond:N0}** |"));
        Line("");
        Line(string.Create(CultureInfo.InvariantCulture, $"Ratio import / raw: **{imported.PerSecond / raw.PerSecond:0.00}** (target ≥ {Target:0.00}). Whole households file, first batch included: {householdTime.TotalSeconds:0.0} s, {households.Accepted:N0} accepted, {households.Rejected:N0} rejected, {households.AlreadyPresent:N0} already present."));
        Line(string.Create(CultureInfo.InvariantCulture, $"Settlements file: {settlements.Accepted:N0} certified in {settlementTime.TotalSeconds:0.0} s ({settlements.Accepted / settlementTime.TotalSeconds:N0}/s), {settlements.Rejected:N0} rejected."));
        Line("");
        Line("| households file read | rows | working set | peak working set | GC heap |");
        Line("| --- | ---: | ---: | ---: | ---: |");
        foreach (var s in samples)
            Line(string.Create(CultureInfo.InvariantCulture, $"| {s.At} | {s.RowsRead:N0} | {MemorySample.Megabytes(s.WorkingSet)} | {MemorySample.Megabytes(s.PeakWorkingSet)} | {MemorySample.Megabytes(s.GcHeap)} |"));
        return text.ToString();
    }

    private static void Say(string message) => Console.WriteLine($"[{TimeProvider.System.GetLocalNow():HH:mm:ss}] {message}");
}
