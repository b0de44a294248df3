using Migration.Demo;

// Usage: Migration.Demo [gateway-url]   (default: the GATEWAY_URL variable, then http://localhost:8080)
var gateway = new Uri(args.FirstOrDefault() ?? Environment.GetEnvironmentVariable("GATEWAY_URL") ?? "http://localhost:8080");
using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(5));
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };

var api = await GatewayClient.Connect(gateway, cancel.Token);
var loaded = await DemoSettlements.Load(api, Path.Combine(AppContext.BaseDirectory, "settlements.csv"), cancel.Token);
var finance = await DemoFinance.Load(api, cancel.Token);
Console.WriteLine($"Demo loaded through {gateway}: {loaded.Certified} settlements certified, {loaded.AlreadyThere} already there; " +
    $"{finance.LinesOpened} budget lines opened, {finance.AlreadyThere} already there.");
