using System.Diagnostics;

namespace Migration.Testing.Servers;

/// <summary>
/// A script of <c>deploy/local</c> (<c>servers.sh</c>, <c>broker-cluster.sh</c>) run with the environment that picks its
/// servers (ports, state folder), and the <c>KEY=value</c> files in which a test remembers that environment, so that
/// servers an aborted run left behind can be stopped by the next one.
/// </summary>
public static class LocalScript
{
    /// <summary>Runs <c>deploy/local/<paramref name="script"/></c>; its standard output, or an exception with its errors.</summary>
    public static async Task<string> Run(string script, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryPaths.Root, "deploy", "local", script), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not run {script}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? await output
            : throw new InvalidOperationException($"{script} {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{await errors}");
    }

    public static Task Remember(string file, IReadOnlyDictionary<string, string> environment) =>
        File.WriteAllLinesAsync(file, environment.Select(e => $"{e.Key}={e.Value}"));

    public static Dictionary<string, string> Recall(string file) =>
        File.ReadAllLines(file).Select(l => l.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
}
