using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Migration.Identifiers;
using Npgsql;

namespace Migration.Registry.Tests;

/// <summary>Bulk imports of settlements and households from CSV files, against the real registry and its database.</summary>
[Collection(RegistryRun.Name)]
public sealed class ImportTests(RegistryFixture registry)
{
    private static readonly string[] SettlementColumns =
    [
        "kato", "nameRu", "nameKk", "climateZone", "latitude", "longitude", "asOf", "population", "households", "workingAge", "unemployed",
        "averageMonthlyIncome", "subsistenceMinimum", "waterSupply", "electricity", "gas", "pavedRoad", "school", "medicalPost", "internet",
        "arableLandHectares", "hazards", "potentialClass", "overrideReason",
    ];

    private static readonly string[] HouseholdColumns =
    [
        "householdRef", "settlementKato", "iin", "lastName", "firstName", "patronymic", "birthDate", "sex", "relationship", "employment",
        "occupation", "disability", "phone", "address",
    ];

    private readonly HttpClient _clerk = registry.Client("registry-clerk");

    [Fact]
    public async Task A_settlements_file_imports_its_valid_rows_lists_the_rejected_ones_and_imports_nothing_twice()
    {
        string a = RealSettlements.NextCode("27"), b = RealSettlements.NextCode("27"), c = RealSettlements.NextCode("27"),
            d = RealSettlements.NextCode("27"), e = RealSettlements.NextCode("27"), f = RealSettlements.NextCode("27");
        var medium = new Dictionary<string, string>
        {
            ["asOf"] = "2004-01-01", ["population"] = "400", ["households"] = "100", ["workingAge"] = "300", ["unemployed"] = "75",
            ["averageMonthlyIncome"] = "9000", ["subsistenceMinimum"] = "6000,00", ["waterSupply"] = "true", ["electricity"] = "yes", ["school"] = "1",
            ["pavedRoad"] = "0", ["arableLandHectares"] = "500",
        };
        var csv = Csv(';', SettlementColumns,
            Row(SettlementColumns, medium, ("kato", a), ("nameRu", "\"Аул \"\"Жана\"\"; центр\""), ("nameKk", "Жаңа ауыл"), ("climateZone", "steppe"),
                ("latitude", "51.2"), ("longitude", "51.4"), ("potentialClass", "high"), ("overrideReason", "\"A new mine opens\nin 2005 and hires 400 people.\"")),
            Row(SettlementColumns, null, ("kato", b), ("hazards", "flooding:low|soil-salinization:high"), ("potentialClass", "low")),
            Row(SettlementColumns, null, ("kato", "12345"), ("potentialClass", "low")),
            Row(SettlementColumns, null, ("kato", c), ("potentialClass", "excellent")),
            Row(SettlementColumns, medium, ("kato", d), ("population", "800"), ("workingAge", "900")),
            Row(SettlementColumns, null, ("kato", b), ("potentialClass", "low")),
            Row(SettlementColumns, null, ("kato", "279999999"), ("potentialClass", "low")),
            $"{e};too few fields",
            Row(SettlementColumns, medium, ("kato", e), ("potentialClass", "high")),
            Row(SettlementColumns, medium, ("kato", f), ("population", "много")));
        var eventsBefore = await EventCount();

        var job = await Import("settlements", csv);

        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal((10, 2, 7, 1), Counters(job));
        var rejections = await AllRejections(job);
        Assert.Equal(
            [
                (5, "kato", "kato.format"), (6, "potentialClass", "potential-class.unknown"), (7, "workingAge", "indicators.inconsistent"),
                (9, "kato", "kato.not-in-classifier"), (10, "", "csv.field-count"), (11, "overrideReason", "potential.override-reason-required"),
                (12, "population", "csv.not-a-number"),
            ],
            rejections);
        Assert.Equal(eventsBefore + 2, await EventCount());

        var first = await _clerk.GetFromJsonAsync<JsonElement>($"/api/registry/settlements/{a}");
        Assert.Equal("Аул \"Жана\"; центр", first.GetProperty("nameRu").GetString());
        Assert.Equal("Жаңа ауыл", first.GetProperty("nameKk").GetString());
        Assert.Equal("high", first.GetProperty("potentialClass").GetString());
        Assert.Equal("medium", first.GetProperty("potential").GetProperty("computedClass").GetString());
        Assert.Equal(59.2m, first.GetProperty("potential").GetProperty("score").GetDecimal());
        Assert.Equal("A new mine opens\nin 2005 and hires 400 people.", first.GetProperty("potential").GetProperty("override").GetProperty("reason").GetString());
        Assert.Equal(6000m, first.GetProperty("indicators").GetProperty("subsistenceMinimum").GetDecimal());
        var second = await _clerk.GetFromJsonAsync<JsonElement>($"/api/registry/settlements/{b}");
        Assert.Equal(2, second.GetProperty("hazards").GetArrayLength());
        Assert.Equal(1, second.GetProperty("version").GetInt64());

        var again = await Import("settlements", csv);

        Assert.Equal((10, 0, 7, 3), Counters(again));
        Assert.Equal(eventsBefore + 2, await EventCount());
        Assert.Equal(1, (await _clerk.GetFromJsonAsync<JsonElement>($"/api/registry/settlements/{b}")).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task A_households_file_registers_whole_households_and_refuses_the_others_row_by_row()
    {
        var kato = await CertifiedSettlement();
        var uncertified = RealSettlements.NextCode("27");
        var registeredByApi = People.Member("spouse", new DateOnly(1980, 2, 2), Sex.Female);
        using (var created = await _clerk.PostAsJsonAsync("/api/registry/households",
            new { settlementKato = kato, members = new[] { People.Member("head", new DateOnly(1979, 1, 1), Sex.Male), registeredByApi } }))
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var takenIin = JsonSerializer.SerializeToElement(registeredByApi).GetProperty("iin").GetString()!;

        var father = Person(new DateOnly(1975, 4, 12), Sex.Male);
        var child = Person(new DateOnly(2003, 1, 5), Sex.Male);
        var badDigit = Person(new DateOnly(1970, 7, 7), Sex.Male);
        badDigit = badDigit[..11] + (char)('0' + (badDigit[11] - '0' + 1) % 10);
        var lines = new List<string>
        {
            Member("H1", kato, father, "Абенов", "Ерлан", "Серикович", "1975-04-12", "male", "head", "employed", phone: "+7 701 000 00 00", address: "\"ул. Абая, 12\""),
            Member("H1", kato, Person(new DateOnly(1978, 9, 30), Sex.Female), "Абенова", "Айгүл", "Маратқызы", "30.09.1978", "female", "spouse", "homemaker"),
            Member("H1", kato, child, "Абенов", "Нұрлан", "Ерланұлы", "2003-01-05", "male", "child", "student"),
            Member("H2", kato, badDigit, "Иванов", "Пётр", "Ильич", "1970-07-07", "male", "head", "employed"),
            Member("H2", kato, Person(new DateOnly(1972, 3, 3), Sex.Female), "Иванова", "Мария", "", "1972-03-03", "female", "spouse", "employed"),
            Member("H3", kato, Person(new DateOnly(1960, 5, 5), Sex.Male), "Серикбаев", "Бауыржан", "", "1960-05-06", "male", "head", "pensioner"),
            Member("H4", kato, Person(new DateOnly(1985, 6, 6), Sex.Female), "Ахметова", "Дана", "", "1985-06-06", "female", "spouse", "employed"),
            Member("H4", kato, Person(new DateOnly(2010, 8, 8), Sex.Female), "Ахметова", "Алия", "", "2010-08-08", "female", "child", "child"),
            Member("H5", kato, Person(new DateOnly(1950, 2, 2), Sex.Male), "Омаров", "Каиржан", "", "1950-02-02", "male", "head", "pensioner"),
            Member("H5", kato, takenIin, "Абенова", "Айгуль", "Маратовна", "1980-02-02", "female", "spouse", "employed"),
            Member("H6", uncertified, Person(new DateOnly(1990, 1, 1), Sex.Male), "Ким", "Виктор", "", "1990-01-01", "male", "head", "employed"),
            Member("H1", kato, Person(new DateOnly(1999, 9, 9), Sex.Female), "Абенова", "Сауле", "", "1999-09-09", "female", "sibling", "student"),
            Member("H7", kato, Person(new DateOnly(1988, 12, 31), Sex.Male), "Жумабаев", "Асхат", "", "1988-12-31", "male", "head", "employed",
                occupation: "\"оператор \"\"КазМунайГаз\"\", смена 2\""),
        };
        var csv = "\uFEFF" + Csv(',', HouseholdColumns, [.. lines]);
        var eventsBefore = await EventCount();

        var job = await Import("households", csv);

        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal((13, 4, 9, 0), Counters(job));
        Assert.Equal(eventsBefore + 2, await EventCount());
        Assert.Equal(
            [
                (5, "iin", "iin.check-digit"), (6, "householdRef", "import.household-incomplete"), (7, "birthDate", "iin.birth-date-mismatch"),
                (8, "relationship", "household.one-head"), (9, "relationship", "household.one-head"),
                (10, "iin", "person.in-another-household"), (11, "iin", "person.in-another-household"),
                (12, "settlementKato", "settlement.not-certified"), (13, "householdRef", "import.household-not-contiguous"),
            ],
            await AllRejections(job, pageSize: 2));

        var household = await _clerk.GetFromJsonAsync<JsonElement>($"/api/registry/households/by-member/{child}");
        Assert.Equal(3, household.GetProperty("size").GetInt32());
        Assert.Equal(kato, household.GetProperty("settlementKato").GetString());
        Assert.Contains(household.GetProperty("members").EnumerateArray(), m => m.GetProperty("firstName").GetString() == "Айгүл");
        Assert.Equal("ул. Абая, 12", household.GetProperty("contact").GetProperty("address").GetString());
        var single = await _clerk.GetFromJsonAsync<JsonElement>($"/api/registry/households/by-member/{lines[^1].Split(',')[2]}");
        Assert.Equal("оператор \"КазМунайГаз\", смена 2", single.GetProperty("members")[0].GetProperty("occupation").GetString());

        var download = await _clerk.GetAsync(new Uri($"/api/registry/imports/{job.GetProperty("id").GetGuid()}/rejections.csv", UriKind.Relative));
        var text = await download.Content.ReadAsStringAsync();
        Assert.Equal("text/csv", download.Content.Headers.ContentType?.MediaType);
        var downloaded = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("line;field;code;message", downloaded[0]);
        Assert.Equal(10, downloaded.Length);
        Assert.StartsWith("5;iin;iin.check-digit;", downloaded[1], StringComparison.Ordinal);
        foreach (var iin in new[] { badDigit, takenIin, father, child }) Assert.DoesNotContain(iin, text, StringComparison.Ordinal);

        var again = await Import("households", csv);

        Assert.Equal((13, 0, 9, 4), Counters(again));
        Assert.Equal(eventsBefore + 2, await EventCount());
        var same = await _clerk.GetFromJsonAsync<JsonElement>($"/api/registry/households/by-member/{child}");
        Assert.Equal(household.GetProperty("id").GetGuid(), same.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task A_file_larger_than_a_batch_is_imported_batch_by_batch()
    {
        var kato = await CertifiedSettlement();
        var lines = Enumerable.Range(0, 1_100).SelectMany(i => new[]
        {
            Member($"B{i}", kato, Person(new DateOnly(1950 + i % 50, 1 + i % 12, 1 + i % 28), Sex.Male), "Нурланов", "Арман", "", Date(1950 + i % 50, 1 + i % 12, 1 + i % 28), "male", "head", "employed"),
            Member($"B{i}", kato, Person(new DateOnly(1955 + i % 50, 1 + i % 12, 1 + i % 28), Sex.Female), "Нурланова", "Гульнар", "", Date(1955 + i % 50, 1 + i % 12, 1 + i % 28), "female", "spouse", "employed"),
        }).ToArray();

        var job = await Import("households", Csv(',', HouseholdColumns, lines));

        Assert.Equal((2_200, 2_200, 0, 0), Counters(job));
        var ofSettlement = await _clerk.GetFromJsonAsync<JsonElement>($"/api/registry/settlements/{kato}/households?limit=500");
        Assert.Equal(500, ofSettlement.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_job_interrupted_by_a_crash_resumes_after_the_last_batch_it_stored()
    {
        const int households = 8_000, rows = 3 * households;
        var kato = await CertifiedSettlement();
        var lines = Enumerable.Range(0, households).SelectMany(i => new[]
        {
            Member($"C{i}", kato, Person(new DateOnly(1940 + i % 60, 1 + i % 12, 1 + i % 28), Sex.Male), "Касымов", "Данияр", "", Date(1940 + i % 60, 1 + i % 12, 1 + i % 28), "male", "head", "employed"),
            Member($"C{i}", kato, Person(new DateOnly(1945 + i % 55, 1 + i % 12, 1 + i % 28), Sex.Female), "Касымова", "Жанар", "", Date(1945 + i % 55, 1 + i % 12, 1 + i % 28), "female", "spouse", "employed"),
            Member($"C{i}", kato, Person(new DateOnly(2005 + i % 15, 1 + i % 12, 1 + i % 28), Sex.Female), "Касымова", "Айым", "", Date(2005 + i % 15, 1 + i % 12, 1 + i % 28), "female", "child", "child"),
        }).ToArray();
        var eventsBefore = await EventCount();
        using var submitted = await Post("households", Csv(',', HouseholdColumns, lines));
        var location = submitted.Headers.Location!;

        var running = await Eventually.Get<object>(async () =>
        {
            var job = await _clerk.GetFromJsonAsync<JsonElement>(location);
            return job.GetProperty("rowsRead").GetInt64() > 0 ? job : null;
        }, "the first stored batch");
        await registry.Service.Kill();
        await registry.Service.Start();
        var job = await Finished(location);

        Assert.True(Counters((JsonElement)running).Item1 < rows, "The import ended before the crash; make the file larger.");
        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal((rows, rows, 0, 0), Counters(job));
        Assert.Equal(eventsBefore + households, await EventCount());
    }

    [Fact]
    public async Task A_caller_of_one_oblast_imports_only_its_rows_and_reads_only_its_jobs()
    {
        var own = RealSettlements.NextCode("27");
        var other = RealSettlements.NextCode("43");
        using var scoped = registry.Client("registry-clerk", oblast: "27");

        var job = await Import("settlements", Csv(';', ["kato", "potentialClass"], $"{own};low", $"{other};medium"), scoped);

        Assert.Equal((2, 1, 1, 0), Counters(job));
        Assert.Equal([(3, "kato", "auth.oblast-scope")], await AllRejections(job));
        using var elsewhere = registry.Client("registry-clerk", oblast: "43");
        using var refused = await elsewhere.GetAsync(new Uri($"/api/registry/imports/{job.GetProperty("id").GetGuid()}", UriKind.Relative));
        await refused.AssertProblem(HttpStatusCode.Forbidden, "auth.oblast-scope");
    }

    [Fact]
    public async Task A_file_that_cannot_be_imported_is_refused_at_upload()
    {
        using var wrongType = await _clerk.PostAsync(new Uri("/api/registry/imports/settlements", UriKind.Relative), JsonContent.Create(new { kato = "1" }));
        using var badHeader = await Post("households", "householdRef;settlementKato;iin;surname\n");
        using var empty = await Post("settlements", "");
        using var auditor = registry.Client("auditor");
        using var notAllowed = await auditor.PostAsync(new Uri("/api/registry/imports/settlements", UriKind.Relative), new StringContent("kato\n", Encoding.UTF8, "text/csv"));
        using var integrator = registry.Client("integrator");
        using var allowed = await integrator.PostAsync(new Uri("/api/registry/imports/settlements", UriKind.Relative), new StringContent("kato;potentialClass\n", Encoding.UTF8, "application/octet-stream"));

        await wrongType.AssertProblem(HttpStatusCode.UnsupportedMediaType, "import.unsupported-media-type");
        var header = await badHeader.AssertProblem(HttpStatusCode.BadRequest, "validation.failed");
        Assert.Equal("import.header", header.GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Contains("surname", header.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        var nothing = await empty.AssertProblem(HttpStatusCode.BadRequest, "validation.failed");
        Assert.Equal("import.empty-file", nothing.GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, notAllowed.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, allowed.StatusCode);
        using var anonymous = new HttpClient { BaseAddress = registry.Service.Address };
        var openApi = await anonymous.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var upload = openApi.GetProperty("paths").GetProperty("/api/registry/imports/households").GetProperty("post").GetProperty("requestBody");
        Assert.True(upload.GetProperty("content").TryGetProperty("text/csv", out _));
    }

    [Fact]
    public async Task The_same_idempotency_key_gives_the_same_job()
    {
        var kato = RealSettlements.NextCode("27");
        var csv = Csv(';', ["kato", "potentialClass"], $"{kato};low");
        var key = Guid.NewGuid().ToString();

        using var first = await Post("settlements", csv, key);
        using var second = await Post("settlements", csv, key);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        var job = await Finished(first.Headers.Location!);
        Assert.Equal((1, 1, 0, 0), Counters(job));
    }

    private async Task<JsonElement> Import(string kind, string csv, HttpClient? client = null)
    {
        using var response = await Post(kind, csv, client: client);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, body);
        var location = response.Headers.Location!;
        Assert.Equal($"/api/registry/imports/{JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid()}", location.ToString());
        return await Finished(location, client);
    }

    /// <summary>Polls the job, as a client would, until it ends.</summary>
    private async Task<JsonElement> Finished(Uri location, HttpClient? client = null) =>
        (JsonElement)await Eventually.Get<object>(async () =>
        {
            var job = await (client ?? _clerk).GetFromJsonAsync<JsonElement>(location);
            return job.GetProperty("status").GetString() is "completed" or "failed" ? job : null;
        }, "the import to finish", TimeSpan.FromMinutes(2));

    private async Task<HttpResponseMessage> Post(string kind, string csv, string? idempotencyKey = null, HttpClient? client = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/registry/imports/{kind}?fileName={kind}.csv")
        {
            Content = new StringContent(csv, new UTF8Encoding(false), "text/csv"),
        };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await (client ?? _clerk).SendAsync(request);
    }

    /// <summary>Every rejection of the job, read a page at a time with the continuation token.</summary>
    private async Task<List<(int, string, string)>> AllRejections(JsonElement job, int pageSize = 50)
    {
        var all = new List<(int, string, string)>();
        string? token = null;
        do
        {
            var page = await _clerk.GetFromJsonAsync<JsonElement>(
                $"/api/registry/imports/{job.GetProperty("id").GetGuid()}/rejections?limit={pageSize}{(token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token))}");
            all.AddRange(page.GetProperty("items").EnumerateArray()
                .Select(r => (r.GetProperty("line").GetInt32(), r.GetProperty("field").GetString()!, r.GetProperty("code").GetString()!)));
            token = page.GetProperty("continuationToken").GetString();
        }
        while (token is not null);
        return all;
    }

    private static (long, long, long, long) Counters(JsonElement job) => (
        job.GetProperty("rowsRead").GetInt64(), job.GetProperty("accepted").GetInt64(), job.GetProperty("rejected").GetInt64(),
        job.GetProperty("alreadyPresent").GetInt64());

    /// <summary>Events in the registry's store: what a duplicate import would add to.</summary>
    private async Task<long> EventCount()
    {
        await using var connection = new NpgsqlConnection(registry.Isolation.Database("registry"));
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("select count(*) from registry.mt_events", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private async Task<string> CertifiedSettlement()
    {
        var kato = RealSettlements.NextCode("27");
        using var response = await _clerk.PostAsJsonAsync("/api/registry/settlements", new { kato, potentialClass = "low" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return kato;
    }

    private static string Person(DateOnly birthDate, Sex sex) => People.NextIin(birthDate, sex).Value;

    private static string Date(int year, int month, int day) => new DateOnly(year, month, day).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Member(
        string reference, string kato, string iin, string lastName, string firstName, string patronymic, string birthDate, string sex, string relationship,
        string employment, string occupation = "", string phone = "", string address = "") =>
        string.Join(',', reference, kato, iin, lastName, firstName, patronymic, birthDate, sex, relationship, employment, occupation, "", phone, address);

    private static string Row(string[] columns, Dictionary<string, string>? defaults, params (string Column, string Value)[] values)
    {
        var row = new Dictionary<string, string>(defaults ?? []);
        foreach (var (column, value) in values) row[column] = value;
        return string.Join(';', columns.Select(c => row.GetValueOrDefault(c, "")));
    }

    private static string Csv(char separator, string[] columns, params string[] rows) =>
        string.Join(separator, columns) + "\r\n" + string.Join("\r\n", rows) + "\r\n";
}

/// <summary>The import's CSV reader on its own (no server): RFC 4180 quoting, both separators, line numbers, malformed files.</summary>
public sealed class ImportCsvTests
{
    [Fact]
    public async Task Quoted_fields_keep_separators_quotes_and_line_breaks_and_lines_are_counted_physically()
    {
        var (header, records) = await Read("\uFEFFa;b;c\r\n1;\"x; \"\"y\"\"\";\"two\nlines\"\r\n\r\n2;;\"\"\n3;z;end");

        Assert.Equal(["a", "b", "c"], header);
        Assert.Equal(
            [(2, "1|x; \"y\"|two\nlines"), (5, "2||"), (6, "3|z|end")],
            records.Select(r => (r.Line, string.Join('|', r.Fields))));
    }

    [Fact]
    public async Task The_separator_is_the_one_the_header_uses()
    {
        var (header, records) = await Read("kato,nameRu\r\n271000001,\"Аул, центр\"\r");

        Assert.Equal(["kato", "nameRu"], header);
        Assert.Equal(["271000001", "Аул, центр"], Assert.Single(records).Fields);
    }

    [Fact]
    public async Task A_quote_left_open_stops_the_file_at_its_line()
    {
        var failure = await Assert.ThrowsAsync<Migration.ServiceDefaults.Importing.CsvFormatException>(() => Read("a;b\n1;2\n3;\"open\n4;5\n"));

        Assert.Equal(3, failure.Line);
    }

    [Fact]
    public async Task An_empty_file_has_no_header()
    {
        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes("\r\n"));
        Assert.Null(await Migration.ServiceDefaults.Importing.CsvReader.Open(stream, CancellationToken.None));
    }

    private static async Task<(IReadOnlyList<string> Header, List<Migration.ServiceDefaults.Importing.CsvRecord> Records)> Read(string text)
    {
        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        using var csv = (await Migration.ServiceDefaults.Importing.CsvReader.Open(stream, CancellationToken.None))!;
        var records = new List<Migration.ServiceDefaults.Importing.CsvRecord>();
        while (await csv.Read(CancellationToken.None) is { } record) records.Add(record);
        return (csv.Header, records);
    }
}
