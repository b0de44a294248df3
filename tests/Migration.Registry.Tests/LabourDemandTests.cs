using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Migration.Identifiers;
using Migration.Registry.LabourDemand;
using Migration.ServiceDefaults.Problems;
using Published = Migration.Contracts.Registry;

namespace Migration.Registry.Tests;

/// <summary>Employers, their vacancies at certified settlements and the open demand per occupation, against the real registry.</summary>
[Collection(RegistryRun.Name)]
public sealed class LabourDemandTests(RegistryFixture registry)
{
    private readonly HttpClient _clerk = registry.Client("registry-clerk");
    private readonly HttpClient _integrator = registry.Client("integrator", caller: "akimat-hr-system");
    private readonly HttpClient _auditor = registry.Client("auditor");

    private static readonly object Season = new { from = "2025-04-01", to = "2025-10-31" };

    [Fact]
    public async Task An_employer_is_registered_once_and_read_back_from_its_projection()
    {
        var bin = TestBins.Next();

        using var created = await _integrator.PostAsJsonAsync("/api/registry/employers", new { bin, name = "  ТОО  «Агрофирма Жана-Арка» ", kato = "434030100" });
        using var again = await _clerk.PostAsJsonAsync("/api/registry/employers", new { bin, name = "Another name" });
        using var read = await _auditor.GetAsync($"/api/registry/employers/{bin}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/registry/employers/{bin}", created.Headers.Location?.ToString());
        await again.AssertProblem(HttpStatusCode.Conflict, "employer.already-registered");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("\"1\"", read.Headers.ETag?.Tag);
        var body = await read.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ТОО «Агрофирма Жана-Арка»", body.GetProperty("name").GetString());
        Assert.Equal("434030100", body.GetProperty("kato").GetString());
        Assert.Equal("resident-legal-entity", body.GetProperty("entityType").GetString());
        Assert.Equal("head-office", body.GetProperty("divisionType").GetString());
        Assert.Equal("akimat-hr-system", body.GetProperty("registeredBy").GetString());
    }

    [Theory]
    [InlineData("check-digit", "bin.check-digit")]
    [InlineData("short", "bin.format")]
    [InlineData("month", "bin.registration-month")]
    [InlineData("entity", "bin.entity-type")]
    [InlineData("division", "bin.division-type")]
    [InlineData("missing", "required")]
    public async Task A_BIN_that_is_no_BIN_is_refused_with_its_reason(string fault, string code)
    {
        var valid = TestBins.Next();
        var bin = fault switch
        {
            "check-digit" => valid[..11] + (char)('0' + (valid[11] - '0' + 1) % 10),
            "short" => valid[..11],
            "month" => valid[..2] + "13" + valid[4..],
            "entity" => valid[..4] + "7" + valid[5..],
            "division" => valid[..5] + "8" + valid[6..],
            _ => null,
        };

        using var response = await _clerk.PostAsJsonAsync("/api/registry/employers", new { bin, name = "ТОО Тест" });

        var problem = await response.AssertProblem(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        Assert.Contains(problem.GetProperty("errors").EnumerateArray(),
            e => e.GetProperty("field").GetString() == "bin" && e.GetProperty("code").GetString() == code);
    }

    [Fact]
    public async Task A_vacancy_needs_a_registered_employer_and_a_certified_settlement()
    {
        var uncertified = RealSettlements.NextCode("43");
        var unknownEmployer = TestBins.Next();

        using var response = await _clerk.PostAsJsonAsync("/api/registry/vacancies",
            Vacancy(unknownEmployer, uncertified, "Тракторист", 2, 180_000m));

        var problem = await response.AssertProblem(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        var errors = problem.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("field").GetString(), e.GetProperty("code").GetString())).ToList();
        Assert.Contains(("employerBin", "employer.unknown"), errors);
        Assert.Contains(("settlementKato", "settlement.not-certified"), errors);
    }

    [Theory]
    [InlineData(0, 180000, "2025-04-01", "2025-10-31", "places", "not-positive")]
    [InlineData(3, 0, "2025-04-01", "2025-10-31", "monthlyWage", "not-positive")]
    [InlineData(3, 180000.555, "2025-04-01", "2025-10-31", "monthlyWage", "money.precision")]
    [InlineData(3, 180000, "2025-10-31", "2025-04-01", "to", "period.inverted")]
    public async Task Vacancy_terms_are_checked_field_by_field(int places, decimal wage, string from, string to, string field, string code)
    {
        using var response = await _clerk.PostAsJsonAsync("/api/registry/vacancies",
            new { employerBin = TestBins.Next(), settlementKato = "434030100", occupation = "Доярка", places, monthlyWage = wage, from, to });

        var problem = await response.AssertProblem(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        Assert.Contains(problem.GetProperty("errors").EnumerateArray(),
            e => e.GetProperty("field").GetString() == field && e.GetProperty("code").GetString() == code);
    }

    [Fact]
    public async Task A_vacancy_is_changed_and_closed_under_If_Match_and_never_changes_after_closing()
    {
        var (bin, kato) = await EmployerAndSettlement("27");

        using var declared = await _integrator.PostAsJsonAsync("/api/registry/vacancies", Vacancy(bin, kato, "Механизатор", 3, 200_000m));
        Assert.Equal(HttpStatusCode.Created, declared.StatusCode);
        var id = (await declared.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal($"/api/registry/vacancies/{id}", declared.Headers.Location?.ToString());
        Assert.Equal("\"1\"", declared.Headers.ETag?.Tag);

        using var read = await _auditor.GetAsync($"/api/registry/vacancies/{id}");
        Assert.Equal("\"1\"", read.Headers.ETag?.Tag);
        var vacancy = await read.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("open", vacancy.GetProperty("status").GetString());
        Assert.Equal(200_000m, vacancy.GetProperty("monthlyWage").GetDecimal());
        Assert.Equal("KZT", vacancy.GetProperty("currency").GetString());
        Assert.Equal("27", vacancy.GetProperty("oblast").GetString());
        Assert.Equal("2025-04-01", vacancy.GetProperty("from").GetString());

        var change = new { places = 5, monthlyWage = 215_000.50m, from = "2025-04-15", to = "2025-11-30" };
        using var withoutIfMatch = await _clerk.PutAsJsonAsync($"/api/registry/vacancies/{id}", change);
        await withoutIfMatch.AssertProblem(HttpStatusCode.PreconditionRequired, ProblemCodes.PreconditionRequired);

        using var changed = await Send(_clerk, HttpMethod.Put, $"/api/registry/vacancies/{id}", change, "\"1\"");
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("\"2\"", changed.Headers.ETag?.Tag);
        var afterChange = await changed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(5, afterChange.GetProperty("places").GetInt32());
        Assert.Equal(215_000.50m, afterChange.GetProperty("monthlyWage").GetDecimal());
        Assert.Equal("2025-11-30", afterChange.GetProperty("to").GetString());

        using var stale = await Send(_clerk, HttpMethod.Put, $"/api/registry/vacancies/{id}", change, "\"1\"");
        await stale.AssertProblem(HttpStatusCode.PreconditionFailed, ProblemCodes.VersionMismatch);

        using var closed = await Send(_integrator, HttpMethod.Post, $"/api/registry/vacancies/{id}/close", new { reason = "Filled by local hires" }, "\"2\"");
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal("\"3\"", closed.Headers.ETag?.Tag);
        var afterClose = await closed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("closed", afterClose.GetProperty("status").GetString());
        Assert.Equal("Filled by local hires", afterClose.GetProperty("closedReason").GetString());

        using var changeAfterClose = await Send(_clerk, HttpMethod.Put, $"/api/registry/vacancies/{id}", change, "\"3\"");
        await changeAfterClose.AssertProblem(HttpStatusCode.Conflict, LabourDemandDecision.VacancyIsClosed);
        using var closeAgain = await Send(_clerk, HttpMethod.Post, $"/api/registry/vacancies/{id}/close", new { reason = "Again" }, "\"3\"");
        await closeAgain.AssertProblem(HttpStatusCode.Conflict, LabourDemandDecision.VacancyIsClosed);

        using var unknown = await _auditor.GetAsync($"/api/registry/vacancies/{Guid.NewGuid()}");
        await unknown.AssertProblem(HttpStatusCode.NotFound, GettingVacancy.NotFound);
    }

    [Fact]
    public async Task Open_vacancies_per_occupation_follow_declarations_changes_and_closures_and_travel_in_the_events()
    {
        var (bin, kato) = await EmployerAndSettlement("35");
        const string driver = "Тракторист";
        const string milker = "Оператор машинного доения"; // sorts first: answers list occupations in ordinal order

        var a = await Declare(bin, kato, driver, 3);
        var b = await Declare(bin, kato, driver, 2);
        var c = await Declare(bin, kato, milker, 5);
        Assert.Equal([(milker, 1, 5), (driver, 2, 5)], await OpenDemand(kato));

        var version = await VersionOf(b);
        using var changed = await Send(_clerk, HttpMethod.Put, $"/api/registry/vacancies/{b}",
            new { places = 4, monthlyWage = 190_000m, from = "2025-04-01", to = "2025-10-31" }, version);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal([(milker, 1, 5), (driver, 2, 7)], await OpenDemand(kato));

        using var closed = await Send(_clerk, HttpMethod.Post, $"/api/registry/vacancies/{a}/close", new { reason = "Withdrawn by the employer" }, await VersionOf(a));
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal([(milker, 1, 5), (driver, 1, 4)], await OpenDemand(kato));

        var declaredA = await Arrived<Published.VacancyDeclared>(e => e.VacancyId == a);
        Assert.Equal((bin, kato, "35", driver, 3, 1, 3), (declaredA.EmployerBin, declaredA.SettlementKato, declaredA.Oblast, declaredA.Occupation, declaredA.Places, declaredA.OpenVacancies, declaredA.OpenPlaces));
        Assert.Equal(new DateOnly(2025, 4, 1), declaredA.From);
        var declaredB = await Arrived<Published.VacancyDeclared>(e => e.VacancyId == b);
        Assert.Equal((2, 5), (declaredB.OpenVacancies, declaredB.OpenPlaces));
        var declaredC = await Arrived<Published.VacancyDeclared>(e => e.VacancyId == c);
        Assert.Equal((1, 5), (declaredC.OpenVacancies, declaredC.OpenPlaces));
        var changedB = await Arrived<Published.VacancyChanged>(e => e.VacancyId == b);
        Assert.Equal((4, 2, 190_000m, 2, 7), (changedB.Places, changedB.PreviousPlaces, changedB.MonthlyWage, changedB.OpenVacancies, changedB.OpenPlaces));
        var closedA = await Arrived<Published.VacancyClosed>(e => e.VacancyId == a);
        Assert.Equal(("Withdrawn by the employer", 3, 1, 4), (closedA.Reason, closedA.Places, closedA.OpenVacancies, closedA.OpenPlaces));

        using var uncertified = await _auditor.GetAsync($"/api/registry/settlements/{RealSettlements.NextCode("35")}/open-vacancies");
        await uncertified.AssertProblem(HttpStatusCode.NotFound, "settlement.not-found");
    }

    [Fact]
    public async Task Concurrent_declarations_each_record_an_exact_open_count()
    {
        var (bin, kato) = await EmployerAndSettlement("11");
        const int declarations = 8;

        var ids = await Task.WhenAll(Enumerable.Range(0, declarations).Select(_ => Declare(bin, kato, "Сварщик", 1)));

        Assert.Equal([("Сварщик", declarations, declarations)], await OpenDemand(kato));
        var counts = new List<int>();
        foreach (var id in ids) counts.Add((await Arrived<Published.VacancyDeclared>(e => e.VacancyId == id)).OpenPlaces);
        Assert.Equal(Enumerable.Range(1, declarations), counts.Order());
    }

    [Fact]
    public async Task Vacancies_are_listed_by_filter_a_page_at_a_time()
    {
        var (bin, kato) = await EmployerAndSettlement("43");
        var first = await Declare(bin, kato, "Агроном", 1);
        var second = await Declare(bin, kato, "Агроном", 2);
        var third = await Declare(bin, kato, "Ветеринар", 1);
        using var closed = await Send(_clerk, HttpMethod.Post, $"/api/registry/vacancies/{second}/close", new { reason = "Filled" }, "\"1\"");
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);

        var page1 = await _auditor.GetFromJsonAsync<JsonElement>($"/api/registry/vacancies?employerBin={bin}&limit=2");
        var token = page1.GetProperty("continuationToken").GetString();
        var page2 = await _auditor.GetFromJsonAsync<JsonElement>($"/api/registry/vacancies?employerBin={bin}&limit=2&continuationToken={Uri.EscapeDataString(token!)}");
        var open = await _auditor.GetFromJsonAsync<JsonElement>($"/api/registry/vacancies?employerBin={bin}&open=true");
        var agronomists = await _auditor.GetFromJsonAsync<JsonElement>($"/api/registry/vacancies?settlementKato={kato}&occupation={Uri.EscapeDataString("Агроном")}");
        var closedOnes = await _auditor.GetFromJsonAsync<JsonElement>($"/api/registry/vacancies?settlementKato={kato}&open=false");

        var all = Ids(page1).Concat(Ids(page2)).ToList();
        Assert.Equal(2, Ids(page1).Count);
        Assert.Single(Ids(page2));
        Assert.Equal(JsonValueKind.Null, page2.GetProperty("continuationToken").ValueKind);
        Assert.Equal(new[] { first, second, third }.Order(), all.Order());
        Assert.Equal(all.OrderBy(id => id.ToString()), all); // keyset order
        Assert.Equal(new[] { first, third }.Order(), Ids(open).Order());
        Assert.Equal(new[] { first, second }.Order(), Ids(agronomists).Order());
        Assert.Equal([second], Ids(closedOnes));
    }

    [Fact]
    public async Task A_caseworker_cannot_declare_and_a_clerk_only_in_the_oblast_of_the_token()
    {
        var (bin, kato) = await EmployerAndSettlement("27");
        using var caseworker = registry.Client("caseworker");
        using var otherOblastClerk = registry.Client("registry-clerk", oblast: "35");
        using var ownOblastClerk = registry.Client("registry-clerk", oblast: "27");

        using var byCaseworker = await caseworker.PostAsJsonAsync("/api/registry/vacancies", Vacancy(bin, kato, "Повар", 1, 150_000m));
        using var outside = await otherOblastClerk.PostAsJsonAsync("/api/registry/vacancies", Vacancy(bin, kato, "Повар", 1, 150_000m));
        using var inside = await ownOblastClerk.PostAsJsonAsync("/api/registry/vacancies", Vacancy(bin, kato, "Повар", 1, 150_000m));
        using var caseworkerReads = await caseworker.GetAsync($"/api/registry/settlements/{kato}/open-vacancies");

        await byCaseworker.AssertProblem(HttpStatusCode.Forbidden, ProblemCodes.Forbidden);
        await outside.AssertProblem(HttpStatusCode.Forbidden, "auth.oblast-scope");
        Assert.Equal(HttpStatusCode.Created, inside.StatusCode);
        Assert.Equal(HttpStatusCode.OK, caseworkerReads.StatusCode);
    }

    [Fact]
    public async Task A_repeated_declaration_with_the_same_Idempotency_Key_declares_once()
    {
        var (bin, kato) = await EmployerAndSettlement("43");
        var key = Guid.NewGuid().ToString();

        using var first = await Send(_integrator, HttpMethod.Post, "/api/registry/vacancies", Vacancy(bin, kato, "Бухгалтер", 1, 160_000m), idempotencyKey: key);
        using var retry = await Send(_integrator, HttpMethod.Post, "/api/registry/vacancies", Vacancy(bin, kato, "Бухгалтер", 1, 160_000m), idempotencyKey: key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal([("Бухгалтер", 1, 1)], await OpenDemand(kato));
    }

    private static object Vacancy(string bin, string kato, string occupation, int places, decimal wage) =>
        new { employerBin = bin, settlementKato = kato, occupation, places, monthlyWage = wage, from = "2025-04-01", to = "2025-10-31" };

    private async Task<(string Bin, string Kato)> EmployerAndSettlement(string oblast)
    {
        var bin = TestBins.Next();
        var kato = RealSettlements.NextCode(oblast);
        using var employer = await _clerk.PostAsJsonAsync("/api/registry/employers", new { bin, name = $"ТОО «Тест {bin}»" });
        using var settlement = await _clerk.PostAsJsonAsync("/api/registry/settlements", new { kato, potentialClass = "high" });
        Assert.Equal(HttpStatusCode.Created, employer.StatusCode);
        Assert.Equal(HttpStatusCode.Created, settlement.StatusCode);
        return (bin, kato);
    }

    private async Task<Guid> Declare(string bin, string kato, string occupation, int places)
    {
        using var response = await _integrator.PostAsJsonAsync("/api/registry/vacancies", Vacancy(bin, kato, occupation, places, 180_000m));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task<string> VersionOf(Guid id)
    {
        using var response = await _auditor.GetAsync($"/api/registry/vacancies/{id}");
        return response.Headers.ETag!.Tag;
    }

    private async Task<List<(string Occupation, int Vacancies, int Places)>> OpenDemand(string kato)
    {
        var body = await _auditor.GetFromJsonAsync<JsonElement>($"/api/registry/settlements/{kato}/open-vacancies");
        return body.GetProperty("occupations").EnumerateArray()
            .Select(o => (o.GetProperty("occupation").GetString()!, o.GetProperty("openVacancies").GetInt32(), o.GetProperty("openPlaces").GetInt32()))
            .ToList();
    }

    private Task<T> Arrived<T>(Func<T, bool> match) where T : class =>
        Eventually.Get(() => Task.FromResult(registry.Published.OfType<T>().FirstOrDefault(match)), $"the {typeof(T).Name} event");

    private static List<Guid> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(v => v.GetProperty("id").GetGuid()).ToList();

    private static async Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string path, object body, string? ifMatch = null, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        if (ifMatch is not null) request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        if (idempotencyKey is not null) request.Headers.Add(DeclaringVacancy.IdempotencyKeyHeader, idempotencyKey);
        return await client.SendAsync(request);
    }
}

/// <summary>The labour-demand decisions alone: no server, no database.</summary>
public sealed class LabourDemandDecisionTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 9, 0, 0, TimeSpan.FromHours(5));
    private static readonly VacancyTerms Terms = new(3, 180_000m, new DateOnly(2025, 4, 1), new DateOnly(2025, 10, 31));
    private static readonly VacancyPost Post = new(Guid.NewGuid(), TestBins.Next(), "434030100", "43", "Тракторист");

    private static Vacancy Open() => new VacancyProjection().Create(LabourDemandDecision.Declare(Post, Terms, OpenDemand.None, "clerk", Now));

    [Fact]
    public void A_declaration_adds_its_places_to_the_open_demand_elsewhere()
    {
        var declared = LabourDemandDecision.Declare(Post, Terms, new OpenDemand(2, 7), "clerk", Now);

        Assert.Equal(new OpenDemand(3, 10), declared.Demand);
    }

    [Fact]
    public void A_change_records_the_previous_terms_and_the_new_demand()
    {
        var events = LabourDemandDecision.Change(Open(), Terms with { Places = 5 }, new OpenDemand(1, 2), "clerk", Now);

        var changed = Assert.IsType<VacancyChanged>(Assert.Single(events));
        Assert.Equal(3, changed.Previous.Places);
        Assert.Equal(new OpenDemand(2, 7), changed.Demand);
        Assert.Equal(5, new VacancyProjection().Apply(changed, Open()).Terms.Places);
    }

    [Fact]
    public void The_same_terms_again_change_nothing()
    {
        Assert.Empty(LabourDemandDecision.Change(Open(), Terms, OpenDemand.None, "clerk", Now));
    }

    [Fact]
    public void Closing_leaves_only_the_demand_elsewhere_and_a_closed_vacancy_refuses_everything()
    {
        var closedEvent = LabourDemandDecision.Close(Open(), "Filled", new OpenDemand(1, 2), "clerk", Now);
        var closed = new VacancyProjection().Apply(closedEvent, Open());

        Assert.Equal(new OpenDemand(1, 2), closedEvent.Demand);
        Assert.Equal(VacancyStatus.Closed, closed.Status);
        Assert.Equal(409, Assert.Throws<ProblemException>(() => LabourDemandDecision.Change(closed, Terms with { Places = 1 }, OpenDemand.None, "clerk", Now)).Status);
        Assert.Equal(LabourDemandDecision.VacancyIsClosed,
            Assert.Throws<ProblemException>(() => LabourDemandDecision.Close(closed, "Again", OpenDemand.None, "clerk", Now)).Code);
    }

    [Fact]
    public void An_employer_is_registered_once()
    {
        var registered = LabourDemandDecision.Register(null, Post.EmployerBin, "ТОО", null, "clerk", Now);
        var employer = new EmployerProjection().Create(registered);

        Assert.Equal(Post.EmployerBin, employer.Id);
        Assert.Equal(LabourDemandDecision.AlreadyRegistered,
            Assert.Throws<ProblemException>(() => LabourDemandDecision.Register(employer, Post.EmployerBin, "ТОО", null, "clerk", Now)).Code);
    }
}

/// <summary>Valid BINs no other test of this process uses.</summary>
internal static class TestBins
{
    private static int _serial = Random.Shared.Next(0, 50_000);

    public static string Next()
    {
        while (true)
        {
            var serial = Interlocked.Increment(ref _serial) % 100_000;
            if (Bin.Create(2004, 1 + serial % 12, BinEntityType.ResidentLegalEntity, BinDivisionType.HeadOffice, serial) is { } bin) return bin.Value;
        }
    }
}
