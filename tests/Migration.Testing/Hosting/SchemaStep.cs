using System.Diagnostics;

namespace Migration.Testing.Hosting;

/// <summary>
/// The schema deploy step run as production runs it: the service's own build with <c>schema check|script|apply</c>, the
/// same settings as the service, before a service configured with <see cref="ProductionSetting"/> is started.
/// </summary>
public static class SchemaStep
{
    /// <summary>A service that changes no schema object itself and refuses to start on a database that does not match.</summary>
    public static readonly KeyValuePair<string, string> ProductionSetting = new("EventStore:ApplySchemaAtStartup", "false");

    public sealed record Outcome(int ExitCode, string Output);

    /// <summary>Runs the service's build with <paramref name="arguments"/> and waits until it exits.</summary>
    public static async Task<Outcome> Run(ServiceProcess service, params string[] arguments)
    {
        using var process = Process.Start(service.StartInfo(arguments)) ?? throw new InvalidOperationException($"Could not run {service.Name} {string.Join(' ', arguments)}.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{service.Name} {string.Join(' ', arguments)} did not finish within 3 minutes.");
        }

        return new Outcome(process.ExitCode, await output + await errors);
    }

    /// <summary>Applies the service's schema, failing with the step's output when it does not succeed.</summary>
    public static async Task Apply(ServiceProcess service)
    {
        var outcome = await Run(service, "schema", "apply");
        if (outcome.ExitCode != 0)
            throw new InvalidOperationException($"schema apply of {service.Name} exited with {outcome.ExitCode}:\n{outcome.Output}");
    }
}
