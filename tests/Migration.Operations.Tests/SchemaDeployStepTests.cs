using Migration.Testing.Hosting;
using Migration.Testing.Servers;
using Npgsql;

namespace Migration.Operations.Tests;

/// <summary>
/// In production a service changes no schema object: the deploy step (<c>schema check|script|apply</c>, run from the
/// new version's build before its instances start) does, and an instance refuses a database that does not match it.
/// The end-to-end systems start every service this way; this test shows each side of the rule.
/// </summary>
public sealed class SchemaDeployStepTests
{
    private const int OutOfDate = 3;

    [Fact]
    public async Task A_service_starts_only_on_a_database_the_deploy_step_has_brought_to_its_version()
    {
        await using var isolation = await Isolation.Create("schema-step");
        await using var registry = ServiceSettings.Service(isolation, "registry", "services/Migration.Registry",
            new Dictionary<string, string>([SchemaStep.ProductionSetting]));

        var check = await SchemaStep.Run(registry, "schema", "check");
        Assert.True(check.ExitCode == OutOfDate, check.Output);
        var refused = await Assert.ThrowsAnyAsync<InvalidOperationException>(() => registry.Start(TimeSpan.FromMinutes(2)));
        Assert.Contains("schema apply", refused.Message, StringComparison.Ordinal);

        var script = Path.Combine(Path.GetTempPath(), $"{isolation.Name}.sql");
        Assert.Equal(0, (await SchemaStep.Run(registry, "schema", "script", script)).ExitCode);
        var sql = await File.ReadAllTextAsync(script);
        File.Delete(script);
        Assert.Contains("registry.mt_events", sql, StringComparison.OrdinalIgnoreCase);

        var applied = await SchemaStep.Run(registry, "schema", "apply");
        Assert.True(applied.ExitCode == 0, applied.Output);
        Assert.Contains("applied", applied.Output, StringComparison.Ordinal);
        Assert.Equal(0, (await SchemaStep.Run(registry, "schema", "check")).ExitCode);
        await registry.Start(TimeSpan.FromMinutes(2));
        await registry.Kill();

        // A version that needs one more table than the database has (here: one dropped behind its back) is refused
        // again until the step has run, and the step adds only what is missing.
        await using (var connection = new NpgsqlConnection(isolation.Database("registry")))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand("drop table registry.mt_doc_handledmessage", connection);
            await drop.ExecuteNonQueryAsync();
        }

        Assert.Equal(OutOfDate, (await SchemaStep.Run(registry, "schema", "check")).ExitCode);
        await Assert.ThrowsAnyAsync<InvalidOperationException>(() => registry.Start(TimeSpan.FromMinutes(2)));
        Assert.Equal(0, (await SchemaStep.Run(registry, "schema", "apply")).ExitCode);
        var again = await SchemaStep.Run(registry, "schema", "apply");
        Assert.Contains("already up to date", again.Output, StringComparison.Ordinal);
        await registry.Start(TimeSpan.FromMinutes(2));
    }
}
