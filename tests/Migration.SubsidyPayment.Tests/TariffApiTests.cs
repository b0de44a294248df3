using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Migration.SubsidyPayment.Tests;

/// <summary>The MCI table and the benefit schedules: seeded at first start, edited by the finance admin, every change audited.</summary>
[Collection(SubsidyPaymentRun.Name)]
public sealed class TariffApiTests(SubsidyPaymentFixture service)
{
    private readonly HttpClient _admin = service.Client("admin", caller: "finance-admin-1");

    [Fact]
    public async Task The_reference_mci_values_are_loaded_with_the_mid_year_changes()
    {
        var table = await service.Client("auditor").GetFromJsonAsync<JsonElement>("/api/payments/tariffs/mci");
        var values = table.EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!, r => r.GetProperty("value").GetDecimal());

        Assert.Equal(919m, values["2004-01-01"]);
        Assert.Equal((2_651m, 2_778m), (values["2020-01-01"], values["2020-04-01"]));
        Assert.Equal((3_063m, 3_180m), (values["2022-01-01"], values["2022-04-01"]));
        Assert.Equal(4_325m, values["2026-01-01"]);
        var schedules = await _admin.GetFromJsonAsync<JsonElement>("/api/payments/tariffs/schedules");
        Assert.Equal(70m, schedules[0].GetProperty("relocationPerMemberMci").GetDecimal());
    }

    [Fact]
    public async Task An_admin_sets_an_mci_and_adds_a_schedule_and_the_history_says_who_changed_what()
    {
        using var created = await _admin.PutAsJsonAsync("/api/payments/tariffs/mci/2090-07-01", new { value = 9_000m });
        using var changed = await _admin.PutAsJsonAsync("/api/payments/tariffs/mci/2090-07-01", new { value = 9_100m });
        using var schedule = await _admin.PostAsJsonAsync("/api/payments/tariffs/schedules", new
        {
            effectiveFrom = "2090-01-01", relocationPerMemberMci = 80, travelHeadMci = 50, travelOtherMemberMci = 35,
            rentBands = new[] { new { fromSize = 1, mci = 15 }, new { fromSize = 5, mci = 30 } }, rentMonths = 12,
            housingCertificateShare = 0.5, housingCertificateCapKzt = 4_200_000, householdCapMci = 2_500,
        });
        using var again = await _admin.PostAsJsonAsync("/api/payments/tariffs/schedules", new
        {
            effectiveFrom = "2090-01-01", relocationPerMemberMci = 1, rentBands = new[] { new { fromSize = 1, mci = 1 } }, rentMonths = 1,
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Created, schedule.StatusCode);
        await again.AssertProblem(HttpStatusCode.Conflict, "tariff.schedule-exists");
        var rate = await _admin.GetFromJsonAsync<JsonElement>("/api/payments/tariffs/mci/2090-07-01");
        Assert.Equal((9_100m, "finance-admin-1"), (rate.GetProperty("value").GetDecimal(), rate.GetProperty("setBy").GetString()));
        var history = await service.Client("auditor").GetFromJsonAsync<JsonElement>("/api/payments/tariffs/history");
        var edit = history.EnumerateArray().Last(c => c.GetProperty("table").GetString() == "mci");
        Assert.Equal("finance-admin-1", edit.GetProperty("by").GetString());
        Assert.Equal((9_100m, 9_000m), (edit.GetProperty("details").GetProperty("value").GetDecimal(), edit.GetProperty("details").GetProperty("previous").GetDecimal()));
    }

    [Fact]
    public async Task Tariffs_are_checked_and_only_admins_change_them()
    {
        using var badDate = await _admin.PutAsJsonAsync("/api/payments/tariffs/mci/2020-13-01", new { value = 1m });
        using var badValue = await _admin.PutAsJsonAsync("/api/payments/tariffs/mci/2091-01-01", new { value = -5m });
        using var missing = await _admin.GetAsync(new Uri("/api/payments/tariffs/mci/2091-02-01", UriKind.Relative));
        using var finance = await service.Client("senior-finance-officer").PutAsJsonAsync("/api/payments/tariffs/mci/2091-01-01", new { value = 1m });

        await badDate.AssertProblem(HttpStatusCode.BadRequest, "validation.failed");
        await badValue.AssertProblem(HttpStatusCode.BadRequest, "validation.failed");
        await missing.AssertProblem(HttpStatusCode.NotFound, "tariff.mci-not-found");
        await finance.AssertProblem(HttpStatusCode.Forbidden, "auth.forbidden");
    }
}
