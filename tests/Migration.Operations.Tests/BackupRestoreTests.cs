using System.Net.Http.Json;
using System.Text.Json;
using Migration.Identifiers;
using Migration.Testing.Hosting;

namespace Migration.Operations.Tests;

/// <summary>
/// A service's event store is backed up, destroyed and restored (deploy/local/database.sh: pg_dump and pg_restore) while
/// the rest of the system keeps working: what the other services published meanwhile waits in the broker, the restored
/// service takes it up, its read models agree with the other services again, and what it does next reaches them.
/// </summary>
public sealed class BackupRestoreTests
{
    [Fact]
    public async Task The_case_service_restored_from_its_backup_catches_up_and_agrees_with_the_others()
    {
        await using var system = await ProgramSystem.Start("backup");
        using var clerk = await system.Client("registry-clerk");
        using var admin = await system.Client("admin");
        using var officer = await system.Client("housing-officer");
        using var caseworker = await system.Client("caseworker");
        using var supervisor = await system.Client("case-supervisor");
        using var finance = await system.Client("finance-officer");
        using var senior = await system.Client("senior-finance-officer");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (household, destination) = await CaseJourney.HouseholdToMove(clerk, "35", "high",
            People.Member("head", new DateOnly(1975, 4, 2), Sex.Male), People.Member("spouse", new DateOnly(1978, 9, 14), Sex.Female));
        Assert.True((await admin.PutAsJsonAsync($"/api/cases/quotas/35/{today.Year}", new { maxHouseholds = 50, maxPeople = 500 })).IsSuccessStatusCode);
        var line = await PaymentSteps.BudgetLine(admin, today.Year, "local", "35", 10_000_000m);
        await PaymentSteps.SeniorMayApprove(admin);
        await PaymentSteps.Account(finance, household, "0000003510001", "Ахметов Серик");
        var unit = await CaseJourney.HouseAt(officer, destination, capacity: 4);
        var id = await CaseJourney.Approved(caseworker, supervisor, household, destination);
        await Eventually.True(async () => await CaseJourney.HousingStatus(caseworker, id) == "reserved", "the house reserved for the case");
        var subsidies = await PaymentSteps.OfCase(finance, id, "relocation-subsidy");
        foreach (var subsidy in subsidies) await PaymentSteps.VerifyAndApprove(finance, senior, subsidy, line);
        await Eventually.True(async () => Payments(await Case(caseworker, id), "approvedCount") == subsidies.Count,
            "the case service told of the approvals");
        var before = await Case(caseworker, id);
        var timelineBefore = JsonSerializer.Deserialize<JsonElement[]>(await caseworker.GetStringAsync($"/api/cases/{id}/timeline"))!;

        // Back up, then lose the service and its database altogether.
        var database = system.Isolation.Database("relocation-case");
        var name = DatabaseTool.DatabaseName(database);
        var backup = Path.Combine(Path.GetTempPath(), $"{name}.dump");
        await DatabaseTool.Run(database, "backup", name, backup);
        var caseService = system.Processes["relocation-case"];
        await caseService.Kill();
        await DatabaseTool.Run(database, "destroy", name);

        // Meanwhile the bank pays the subsidies: the payment service's reports wait for the case service in the broker.
        await PaymentSteps.ThroughTheBank(finance, "35", today);
        foreach (var subsidy in subsidies)
            await Eventually.True(async () => await PaymentSteps.Status(finance, subsidy) == "paid", "the subsidy paid");

        await DatabaseTool.Run(database, "restore", name, backup);
        File.Delete(backup);
        await caseService.Start(TimeSpan.FromMinutes(2));

        // The case as it was, and the payments as the payment service has them.
        var restored = await Case(caseworker, id);
        Assert.Equal(before.GetProperty("status").GetString(), restored.GetProperty("status").GetString());
        Assert.Equal(before.GetProperty("version").GetInt64(), restored.GetProperty("version").GetInt64());
        Assert.Equal("reserved", restored.GetProperty("housing").GetProperty("status").GetString());
        // Its history intact: every entry as before, in the same order (the payments made meanwhile come after them).
        var history = JsonSerializer.Deserialize<JsonElement[]>(await caseworker.GetStringAsync($"/api/cases/{id}/timeline"))!;
        Assert.Equal(timelineBefore.Select(e => e.GetRawText()), history.Take(timelineBefore.Length).Select(e => e.GetRawText()));
        var paidKzt = 0m;
        foreach (var subsidy in subsidies)
            paidKzt += (await finance.GetFromJsonAsync<JsonElement>($"/api/payments/{subsidy}")).GetProperty("amountKzt").GetDecimal();
        await Eventually.True(async () => await Case(caseworker, id) is var caught
                && Payments(caught, "paidCount") == subsidies.Count && Payments(caught, "paidKzt") == paidKzt,
            "the case service caught up with the payments made while it was gone");

        // What the restored service does next reaches the others: a withdrawal frees the house and cancels the rest.
        await CaseJourney.Withdraw(caseworker, id, "The family stays: the father found work at home.");
        await Eventually.True(async () => (await officer.GetFromJsonAsync<JsonElement>($"/api/housing/units/{unit}")).GetProperty("status").GetString() == "available",
            "the house available again");
        foreach (var payment in (await PaymentSteps.OfCase(finance, id)).Except(subsidies))
            await Eventually.True(async () => await PaymentSteps.Status(finance, payment) == "cancelled", $"payment {payment} cancelled");
        // And a case opened after the restore gets an identity and a history of its own.
        var (second, _) = await CaseJourney.HouseholdToMove(clerk, "35", "high", People.Member("head", new DateOnly(1990, 2, 20), Sex.Female));
        var secondCase = await CaseJourney.Approved(caseworker, supervisor, second, destination);
        Assert.NotEqual(id, secondCase);
        Assert.Equal("approved", (await Case(caseworker, secondCase)).GetProperty("status").GetString());
    }

    private static async Task<JsonElement> Case(HttpClient caseworker, Guid id) =>
        await caseworker.GetFromJsonAsync<JsonElement>($"/api/cases/{id}");

    /// <summary>A figure of the case's payments as the case service shows them (0 before the payment service reported any).</summary>
    private static decimal Payments(JsonElement @case, string figure) =>
        @case.GetProperty("payments") is { ValueKind: JsonValueKind.Object } payments ? payments.GetProperty(figure).GetDecimal() : 0;
}
