using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Migration.Identifiers;
using Migration.Testing.Hosting;

namespace Migration.Web.Tests;

/// <summary>
/// What the journeys in the browser start from, prepared through the gateway's API by the roles that own it: certified
/// settlements, a registered household, the destination oblast's quota and budget line, an approver's limit and the
/// household's bank account. Each journey gets its own household and destination oblast.
/// </summary>
internal sealed class Programme(ProgramSystem system)
{
    public static readonly int Year = DateTime.UtcNow.Year;
    private static readonly string[] BothFinanceRoles = ["finance-officer", "senior-finance-officer"];

    public sealed record Household(Guid Id, string HeadIin, string Destination, string DestinationName);

    public async Task<Household> HouseholdReadyToMove(string destinationOblast)
    {
        using var clerk = await system.Client("registry-clerk");
        using var admin = await system.Client("admin");
        using var finance = await system.Client("finance-officer");
        using var caseworker = await system.Client("caseworker");
        var origin = RealSettlements.NextCode("59");
        var destination = RealSettlements.Next(destinationOblast);
        await Created(clerk.PostAsJsonAsync("/api/registry/settlements", new { kato = origin, potentialClass = "low" }));
        await Created(clerk.PostAsJsonAsync("/api/registry/settlements", new { kato = destination.Code, potentialClass = "high" }));
        var head = People.NextIin(new DateOnly(1978, 4, 12), Sex.Male).Value;
        using var registered = await clerk.PostAsJsonAsync("/api/registry/households", new
        {
            settlementKato = origin,
            members = new object[]
            {
                new { iin = head, lastName = "Жумабаев", firstName = "Ерлан", patronymic = "Серикович", birthDate = "1978-04-12", sex = "male", relationship = "head", employment = "employed", occupation = "tractor driver" },
                People.Member("spouse", new DateOnly(1980, 9, 3), Sex.Female),
            },
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var household = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        Assert.True((await admin.PutAsJsonAsync($"/api/cases/quotas/{destinationOblast}/{Year}", new { maxHouseholds = 100, maxPeople = 500 })).IsSuccessStatusCode);
        using var line = await admin.PostAsJsonAsync("/api/payments/budgets",
            new { fiscalYear = Year, source = "republican", oblast = destinationOblast, allocatedKzt = 50_000_000m, reference = "budget law" });
        Assert.True(line.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"budget line: {(int)line.StatusCode}");
        Assert.True((await admin.PutAsJsonAsync("/api/payments/approval-policy/limits/senior-finance-officer", new { limitKzt = 5_000_000m })).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.Created, (await finance.PutAsJsonAsync($"/api/payments/households/{household}/account",
            new { iban = Iban.Create("856", "0000007654321").Value, holderName = "Жумабаев Ерлан" })).StatusCode);

        // The case service learns of households and settlements by events: wait until it recommends the destination.
        await Eventually.True(async () =>
        {
            using var response = await caseworker.GetAsync($"/api/cases/recommendations?householdId={household}&limit=100");
            return response.IsSuccessStatusCode && (await response.Content.ReadAsStringAsync()).Contains(destination.Code, StringComparison.Ordinal);
        }, "the destination recommended for the household");
        return new Household(household, head, destination.Code, destination.Name);
    }

    /// <summary>A budget line of this year's republican budget for an oblast.</summary>
    public async Task BudgetLine(string oblast, decimal allocatedKzt)
    {
        using var admin = await system.Client("admin");
        using var line = await admin.PostAsJsonAsync("/api/payments/budgets", new { fiscalYear = Year, source = "republican", oblast, allocatedKzt, reference = "budget law" });
        Assert.Equal(HttpStatusCode.Created, line.StatusCode);
    }

    /// <summary>A case taken to approval through the API (for journeys that start at the payments).</summary>
    public async Task<Guid> ApprovedCase(Household household)
    {
        using var caseworker = await system.Client("caseworker");
        using var supervisor = await system.Client("case-supervisor");
        return await CaseJourney.Approved(caseworker, supervisor, household.Id, household.Destination);
    }

    /// <summary>A case opened for the household through the API, once the case service has learnt of the household.</summary>
    public async Task<(Guid Id, string ETag)> OpenedCase(Household household)
    {
        using var caseworker = await system.Client("caseworker");
        using var opened = await Eventually.Get(async () =>
        {
            var response = await caseworker.PostAsJsonAsync("/api/cases", new { householdId = household.Id });
            return response.StatusCode == HttpStatusCode.Created ? response : null;
        }, "the household known to the case service");
        return ((await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), opened.Headers.ETag!.Tag);
    }

    /// <summary>A case assessed, with its destination chosen, and submitted for a supervisor's decision.</summary>
    public async Task<Guid> SubmittedCase(Household household)
    {
        using var caseworker = await system.Client("caseworker");
        var (id, etag) = await OpenedCase(household);
        etag = await CaseJourney.Step(caseworker, id, "assessment", null, etag);
        etag = await CaseJourney.Step(caseworker, id, "destination", new { destinationKato = household.Destination, reason = "A house and work for the head" }, etag);
        await CaseJourney.Step(caseworker, id, "submission", null, etag);
        return id;
    }

    /// <summary>The case's payment of a benefit, once the payment service has computed it from the approval.</summary>
    public async Task<JsonElement> Payment(Guid caseId, string benefit)
    {
        using var finance = await system.Client("finance-officer");
        return (JsonElement)(await Eventually.Get<object>(async () =>
        {
            var page = await finance.GetFromJsonAsync<JsonElement>($"/api/payments?caseId={caseId}&benefit={benefit}&limit=100");
            return page.GetProperty("items").EnumerateArray().Select(p => (object?)p).FirstOrDefault();
        }, $"the case's {benefit} payment"));
    }

    /// <summary>
    /// Every payment of the case that may be paid before the move and is due today, verified against the destination's budget line and
    /// approved through the API by the two finance roles: what a bank file is made of.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> ApprovedPayments(Guid caseId, string destinationOblast)
    {
        using var finance = await system.Client("finance-officer");
        using var senior = await system.Client("senior-finance-officer");
        var lines = await finance.GetFromJsonAsync<JsonElement>("/api/payments/budgets");
        var line = lines.EnumerateArray().First(l => l.GetProperty("oblast").GetString() == destinationOblast && l.GetProperty("fiscalYear").GetInt32() == Year).GetProperty("id").GetGuid();
        await Payment(caseId, "relocation-subsidy");
        var payments = (await finance.GetFromJsonAsync<JsonElement>($"/api/payments?caseId={caseId}&limit=100")).GetProperty("items").EnumerateArray()
            .Where(p => !p.GetProperty("awaitsMove").GetBoolean() && p.GetProperty("status").GetString() == "calculated"
                        && DateOnly.Parse(p.GetProperty("dueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture) <= DateOnly.FromDateTime(DateTime.Today))
            .ToList();
        Assert.NotEmpty(payments);
        foreach (var payment in payments)
        {
            var id = payment.GetProperty("id").GetGuid();
            var version = await PaymentStep(finance, id, "verification", new { budgetLineId = line }, payment.GetProperty("version").GetInt64());
            await PaymentStep(senior, id, "approval", new { }, version);
        }

        return [.. payments.Select(p => p.GetProperty("id").GetGuid())];
    }

    private static async Task<long> PaymentStep(HttpClient client, Guid paymentId, string step, object body, long version)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/payments/{paymentId}/{step}") { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{version}\""));
        using var response = await client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{step}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt64();
    }

    public async Task<JsonElement> PaymentRead(Guid paymentId)
    {
        using var finance = await system.Client("finance-officer");
        return await finance.GetFromJsonAsync<JsonElement>($"/api/payments/{paymentId}");
    }

    public async Task<string> PaymentStatus(Guid paymentId)
    {
        using var finance = await system.Client("finance-officer");
        return (await finance.GetFromJsonAsync<JsonElement>($"/api/payments/{paymentId}")).GetProperty("status").GetString()!;
    }

    public async Task<string> CaseStatus(Guid caseId)
    {
        using var caseworker = await system.Client("caseworker");
        return (await caseworker.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}")).GetProperty("status").GetString()!;
    }

    /// <summary>A staff account holding both finance roles: they may verify and approve, never the same payment.</summary>
    public async Task<string> FinanceOfficerWhoAlsoApproves(string password)
    {
        using var admin = await system.Client("admin");
        var userName = $"finance-both-{Guid.NewGuid():N}"[..24];
        using var created = await admin.PostAsJsonAsync("/api/identity/accounts", new
        {
            userName, displayName = "Айгерим Сапарова", password, roles = BothFinanceRoles, oblast = "*", approvalLimitKzt = 5_000_000m,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return userName;
    }

    private static async Task Created(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
