using Migration.Benchmarks;

// Usage: Migration.Benchmarks all [--factors 1,10] [--persons 250000] [--raw-events 50000] (every benchmark below, then summary.md against the targets)
//        Migration.Benchmarks import [--settlements 7000] [--persons 1000000] [--batch 500] [--seed 42] [--raw-persons 200000] [--out DIR] [--keep]
//        Migration.Benchmarks gateway [--workers 16] [--seconds 10] [--rounds 3] [--out DIR]
//        Migration.Benchmarks program [--factor 1] [--seed 42] [--parallelism 0] [--read-rate 20] [--idle-seconds 15] [--raw-events 0] [--writers 8] [--out DIR]
//        Migration.Benchmarks scale-out [--factor 0.05] [--instances 1,2,3] [--rounds 1] [--seed 42] [--parallelism 0] [--out DIR]
//        Migration.Benchmarks delivery [--messages 20000] [--per-transaction 100] [--rounds 2] [--concurrency 0] [--per-stream 1] [--rate 0] [--listen-notify] [--batch-inbox] [--out DIR]
// PostgreSQL (and RabbitMQ for gateway): MIGRATION_POSTGRES / MIGRATION_RABBITMQ, else the private local servers of deploy/local/servers.sh.
if (args.Length == 0 || args[0] is not ("all" or "import" or "gateway" or "delivery" or "program" or "scale-out"))
{
    Console.Error.WriteLine("usage: Migration.Benchmarks all [--factors X,Y] [--persons N] [--raw-events N] [--out DIR]");
    Console.Error.WriteLine("       Migration.Benchmarks import [--settlements N] [--persons N] [--batch N] [--seed N] [--raw-persons N] [--out DIR] [--keep]");
    Console.Error.WriteLine("       Migration.Benchmarks gateway [--workers N] [--seconds N] [--rounds N] [--out DIR]");
    Console.Error.WriteLine("       Migration.Benchmarks program [--factor X] [--seed N] [--parallelism N] [--read-rate N] [--idle-seconds N] [--raw-events N] [--writers N] [--out DIR]");
    Console.Error.WriteLine("       Migration.Benchmarks scale-out [--factor X] [--instances 1,2,3] [--rounds N] [--seed N] [--parallelism N] [--out DIR]");
    Console.Error.WriteLine("       Migration.Benchmarks delivery [--messages N] [--per-transaction N] [--rounds N] [--concurrency N] [--per-stream N] [--rate N] [--listen-notify] [--batch-inbox] [--out DIR]");
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
if (args[0] == "all")
{
    await AllBenchmarks.Run(BenchmarkArguments.Parse(args[1..]), args[1..], cancel.Token);
    return 0;
}

if (args[0] == "gateway")
{
    var options = BenchmarkArguments.Parse(args[1..]);
    await GatewayBenchmark.Run(options.Workers, TimeSpan.FromSeconds(options.Seconds), options.Rounds, options.OutputDirectory, cancel.Token);
    return 0;
}

if (args[0] == "program")
{
    await ProgramBenchmark.Run(BenchmarkArguments.Parse(args[1..]), cancel.Token);
    return 0;
}

if (args[0] == "scale-out")
{
    var options = BenchmarkArguments.Parse(args[1..], defaultRounds: 1);
    await ScaleOutBenchmark.Run(options.Factor == 1m && !args.Contains("--factor") ? options with { Factor = 0.05m } : options, cancel.Token);
    return 0;
}

if (args[0] == "delivery")
{
    var options = BenchmarkArguments.Parse(args[1..], defaultRounds: 2);
    await DeliveryBenchmark.Run(options, cancel.Token);
    return 0;
}

await ImportBenchmark.Run(BenchmarkArguments.Parse(args[1..]), cancel.Token);
return 0;
