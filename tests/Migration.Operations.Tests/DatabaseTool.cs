using System.Diagnostics;
using Npgsql;

namespace Migration.Operations.Tests;

/// <summary>deploy/local/database.sh (backup, destroy, restore) against a test's database, as an operator runs it.</summary>
internal static class DatabaseTool
{
    public static async Task<string> Run(string connectionString, params string[] arguments)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryPaths.Root, "deploy/local/database.sh"), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PGHOST"] = target.Host;
        start.Environment["PGPORT"] = target.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = target.Username;
        start.Environment["PGPASSWORD"] = target.Password;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not run database.sh.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var text = await output + await errors;
        Assert.True(process.ExitCode == 0, $"database.sh {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{text}");
        return text;
    }

    public static string DatabaseName(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString).Database!;
}
