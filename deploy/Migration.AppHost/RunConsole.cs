using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Migration.AppHost;

/// <summary>What <see cref="RunConsole"/> needs to know about the system.</summary>
/// <param name="LocalServers">The servers run as local processes (their wrapper scripts are stopped last, by hand).</param>
/// <param name="GatewayName">The gateway resource: "ready" when it is healthy (all four services are ready).</param>
/// <param name="GatewayUrl">Where the gateway listens.</param>
/// <param name="DemoName">The demo loader resource (runs once).</param>
/// <param name="Applications">Resources stopped first on shutdown (demo, gateway, services).</param>
/// <param name="Servers">Resources stopped after the applications (PostgreSQL, RabbitMQ).</param>
internal sealed record RunOptions(
    bool LocalServers,
    string GatewayName,
    string GatewayUrl,
    string DemoName,
    IReadOnlyList<string> Applications,
    IReadOnlyList<string> Servers);

/// <summary>
/// Tells the console when the system is ready and how the demo loader ended, and stops the system in order:
/// applications first, then the servers. DCP stops everything at once and kills a process that has not exited
/// within a few seconds; RabbitMQ needs ~8 s to stop cleanly (and its wrapper then ends the private epmd), so the
/// local servers' wrapper scripts are sent SIGTERM here and awaited before DCP tears the rest down.
/// </summary>
internal sealed partial class RunConsole(
    ResourceNotificationService notifications,
    ResourceLoggerService resourceLogs,
    ResourceCommandService commands,
    IHostApplicationLifetime lifetime,
    RunOptions options,
    ILogger<RunConsole> logger) : BackgroundService
{
    private static readonly TimeSpan ApplicationStopTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan ServerStopTimeout = TimeSpan.FromSeconds(40);
    private readonly Stopwatch _sinceStart = Stopwatch.StartNew();

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Cancellation callbacks run last-registered first: this runs before Aspire's own stopping work.
        lifetime.ApplicationStopping.Register(StopInOrder);
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var gatewayReady = false;
        var demoWatched = false;
        var demoEnded = false;
        try
        {
            await foreach (var update in notifications.WatchAsync(stoppingToken))
            {
                var snapshot = update.Snapshot;
                if (!gatewayReady && update.Resource.Name == options.GatewayName && snapshot.HealthStatus == HealthStatus.Healthy)
                {
                    gatewayReady = true;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"==> READY after {_sinceStart.Elapsed.TotalSeconds:0.0} s: gateway {options.GatewayUrl} (all four services ready)"));
                }
                if (update.Resource.Name != options.DemoName)
                {
                    continue;
                }
                if (!demoWatched && snapshot.State?.Text == KnownResourceStates.Running)
                {
                    demoWatched = true;
                    _ = EchoLogs(update.ResourceId, "demo", stoppingToken);
                }
                if (!demoEnded && snapshot.State?.Text is { } state && KnownResourceStates.TerminalStates.Contains(state))
                {
                    demoEnded = true;
                    Console.WriteLine(snapshot.ExitCode == 0
                        ? "==> demo loader finished (exit code 0)"
                        : $"==> demo loader ended: {state}, exit code {snapshot.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "none"} (see the dashboard's console logs)");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task EchoLogs(string resourceId, string prefix, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var batch in resourceLogs.WatchAsync(resourceId).WithCancellation(cancellationToken))
            {
                foreach (var line in batch)
                {
                    Console.WriteLine($"{prefix} | {line.Content}");
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void StopInOrder()
    {
        if (!options.LocalServers)
        {
            return; // containers stop gracefully through the container runtime
        }
        var stopwatch = Stopwatch.StartNew();
        try
        {
            using var timeout = new CancellationTokenSource(ApplicationStopTimeout);
            Task.WhenAll(options.Applications.Select(name => StopResource(name, timeout.Token))).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is OperationCanceledException or InvalidOperationException)
        {
            LogApplicationsNotStopped(logger, e.Message);
        }
        LogApplicationsStopped(logger, stopwatch.Elapsed.TotalSeconds);

        var servers = options.Servers
            .Select(name => (Name: name, Pid: ProcessId(name)))
            .Where(server => server.Pid is not null)
            .ToList();
        foreach (var (name, pid) in servers)
        {
            LogStoppingServer(logger, name, pid!.Value);
            Signal(pid.Value, "TERM");
        }
        var deadline = Stopwatch.StartNew();
        while (servers.Any(server => IsAlive(server.Pid!.Value)) && deadline.Elapsed < ServerStopTimeout)
        {
            Thread.Sleep(200);
        }
        LogServersStopped(logger, stopwatch.Elapsed.TotalSeconds);
    }

    private async Task StopResource(string name, CancellationToken cancellationToken)
    {
        if (!notifications.TryGetCurrentState(name, out var current)
            || current.Snapshot.State?.Text is not { } state
            || KnownResourceStates.TerminalStates.Contains(state)
            || state == KnownResourceStates.NotStarted
            || state == KnownResourceStates.Waiting)
        {
            return;
        }
        await commands.ExecuteCommandAsync(name, KnownResourceCommands.StopCommand, cancellationToken);
        await notifications.WaitForResourceAsync(name, KnownResourceStates.TerminalStates, cancellationToken);
    }

    private int? ProcessId(string name)
    {
        if (!notifications.TryGetCurrentState(name, out var current))
        {
            return null;
        }
        var value = current.Snapshot.Properties.FirstOrDefault(property => property.Name == "executable.pid")?.Value;
        return value switch
        {
            int pid => pid,
            long pid => (int)pid,
            string text when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) => pid,
            _ => null,
        };
    }

    private static bool IsAlive(int pid) => Directory.Exists($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}");

    private static void Signal(int pid, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", [$"-{signal}", pid.ToString(CultureInfo.InvariantCulture)])
        {
            UseShellExecute = false,
        });
        kill?.WaitForExit(TimeSpan.FromSeconds(5));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applications stopped in {Seconds:0.0} s; stopping the servers")]
    private static partial void LogApplicationsStopped(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not every application stopped in time: {Reason}")]
    private static partial void LogApplicationsNotStopped(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping {Server} (wrapper pid {Pid}) with SIGTERM")]
    private static partial void LogStoppingServer(ILogger logger, string server, int pid);

    [LoggerMessage(Level = LogLevel.Information, Message = "Servers stopped; {Seconds:0.0} s since shutdown began")]
    private static partial void LogServersStopped(ILogger logger, double seconds);
}
