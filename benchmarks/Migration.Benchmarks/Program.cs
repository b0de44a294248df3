using Migration.Benchmarks;

// Usage: Migration.Benchmarks import [--settlements 7000] [--persons 1000000] [--batch 500] [--seed 42] [--raw-persons 200000] [--out DIR] [--keep]
// PostgreSQL: MIGRATION_POSTGRES (a connection string without a database), else the private local server of deploy/local/servers.sh.
if (args.Length == 0 || args[0] != "import")
{
    Console.Error.WriteLine("usage: Migration.Benchmarks import [--settlements N] [--persons N] [--batch N] [--seed N] [--raw-persons N] [--out DIR] [--keep]");
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
await ImportBenchmark.Run(BenchmarkArguments.Parse(args[1..]), cancel.Token);
return 0;
