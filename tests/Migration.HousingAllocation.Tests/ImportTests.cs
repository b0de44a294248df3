using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Migration.HousingAllocation.Allocation;
using Migration.HousingAllocation.Importing;
using Migration.ServiceDefaults.Http;
using Migration.ServiceDefaults.Importing;
using ImportJobResponse = Migration.ServiceDefaults.Importing.ImportJobResponse<Migration.HousingAllocation.Importing.ImportKind>;

namespace Migration.HousingAllocation.Tests;

/// <summary>Officers register units in bulk from CSV as import jobs; a re-import creates no duplicates; new units serve the waitlist.</summary>
[Collection(HousingRun.Name)]
public sealed class ImportTests(HousingFixture service)
{
    [Fact]
    public async Task A_csv_file_registers_its_units_once_and_refuses_bad_rows_with_reasons()
    {
        var destination = await service.Destination("43");
        var waiting = HousingWorld.Approval(destination.Id, 5, DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.Equal(PlacementStatus.Waitlisted, (await service.Approve(waiting)).Status);
        var csv = string.Join('\n',
            "settlementKato;type;address;rooms;floorArea;capacity;appraisedValue;condition",
            $"{destination.Id};house;ул. Абая, 1;3;85,5;5;6500000;new",
            $"{destination.Id};flat;ул. Абая, 2 кв. 4;2;54;3;4100000.50;good",
            $"{destination.Id};house;УЛ.  АБАЯ, 1;3;85;5;6500000;new",
            $"{destination.Id};house;ул. Абая, 3;3;85;0;6500000;new",
            "439999999;house;ул. Абая, 4;3;85;4;6500000;new") + "\n";

        var job = await Import(csv);
        Assert.Equal((ImportStatus.Completed, 5L, 2L, 1L, 2L), (job.Status, job.RowsRead, job.Accepted, job.AlreadyPresent, job.Rejected));
        using var officer = service.Client("housing-officer", "43");
        var rejections = (await officer.GetFromJsonAsync<Page<RejectionResponse>>($"/api/housing/imports/{job.Id}/rejections", HousingWorld.Json))!;
        Assert.Equal([(5, "capacity", "capacity.out-of-range"), (6, "settlementKato", ImportingUnits.SettlementUnknown)],
            rejections.Items.Select(r => (r.Line, r.Field, r.Code)));

        // The house of five went at once to the household of five waiting there.
        var reserved = await service.Placement(waiting.CaseId, p => p.Status == PlacementStatus.Reserved);
        Assert.Equal(ImportingUnits.IdOf(destination.Id, "ул. Абая, 1"), reserved.UnitId);

        var again = await Import(csv);
        Assert.Equal((0L, 3L, 2L), (again.Accepted, again.AlreadyPresent, again.Rejected));
        var units = (await officer.GetFromJsonAsync<Page<Stock.HousingUnit>>($"/api/housing/units?settlementKato={destination.Id}", HousingWorld.Json))!;
        Assert.Equal(2, units.Items.Count);

        using var caseworker = service.Client("caseworker");
        using var refused = await caseworker.PostAsync("/api/housing/imports/units", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    private async Task<ImportJobResponse> Import(string csv)
    {
        using var officer = service.Client("housing-officer", "43");
        using var submitted = await officer.PostAsync("/api/housing/imports/units", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.True(submitted.StatusCode == HttpStatusCode.Accepted, await submitted.Content.ReadAsStringAsync());
        var id = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        return await Eventually.Get(async () =>
        {
            var job = await officer.GetFromJsonAsync<ImportJobResponse>($"/api/housing/imports/{id}", HousingWorld.Json);
            return job is { Status: ImportStatus.Completed or ImportStatus.Failed } ? job : null;
        }, "the import job to finish");
    }
}
