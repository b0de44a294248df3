using System.Diagnostics;
using Npgsql;

namespace Migration.Benchmarks;

/// <summary>
/// The PostgreSQL server the benchmark measures: <c>MIGRATION_POSTGRES</c> when set, else the private local server of
/// <c>deploy/local/servers.sh</c> (started if needed). Each measurement gets a fresh database, dropped afterwards.
/// </summary>
public sealed class BenchmarkPostgres(string server)
{
    public string Server => server;

    public static async Task<BenchmarkPostgres> Find(CancellationToken cancellationToken)
    {
        if (Environment.GetEnvironmentVariable("MIGRATION_POSTGRES") is { Length: > 0 } configured) return new BenchmarkPostgres(configured);
        var script = Path.Combine(Repository.Root, "deploy", "local", "servers.sh");
        await Run(script, "start", cancellationToken);
        var line = (await Run(script, "env", cancellationToken)).Split('\n').First(l => l.Contains("MIGRATION_POSTGRES=", StringComparison.Ordinal));
        return new BenchmarkPostgres(line[(line.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim().Trim('\''));
    }

    /// <summary>Creates an empty database; its connection string.</summary>
    public async Task<string> Create(string database, CancellationToken cancellationToken)
    {
        await Execute($"drop database if exists \"{database}\" with (force)", cancellationToken);
        await Execute($"create database \"{database}\"", cancellationToken);
        return $"{server.TrimEnd(';')};Database={database}";
    }

    public Task Drop(string database, CancellationToken cancellationToken) => Execute($"drop database if exists \"{database}\" with (force)", cancellationToken);

    private async Task Execute(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection($"{server.TrimEnd(';')};Database=postgres;Pooling=false");
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<string> Run(string script, string command, CancellationToken cancellationToken)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", [script, command]) { RedirectStandardOutput = true }) ??
            throw new InvalidOperationException($"Could not run {script}.");
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"'{script} {command}' failed ({process.ExitCode}).");
    }
}
