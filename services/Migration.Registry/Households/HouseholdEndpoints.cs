using Migration.ServiceDefaults.Auth;

namespace Migration.Registry.Households;

public static class HouseholdEndpoints
{
    private static readonly string[] Clerks = [Roles.RegistryClerk, Roles.Admin];

    public static RouteGroupBuilder MapHouseholds(this RouteGroupBuilder api)
    {
        var households = api.MapGroup("/households").WithTags("Households");
        households.MapPost("/", RegisteringHousehold.Handle).RequireRoles(Clerks)
            .WithName("RegisterHousehold").WithSummary("Register a household with its head and members (no person in two households)");
        households.MapGet("/{id:guid}", GettingHousehold.ById).RequireRoles(Roles.Staff)
            .WithName("GetHousehold").WithSummary("Read a household by id");
        households.MapGet("/by-member/{iin}", GettingHousehold.ByMember).RequireRoles(Roles.Staff)
            .WithName("GetHouseholdByMember").WithSummary("Find the household any person with this IIN belongs to");
        households.MapPost("/{id:guid}/members", ChangingHousehold.AddMember).RequireRoles(Clerks)
            .WithName("AddHouseholdMember").WithSummary("A person joins the household (If-Match required)");
        households.MapDelete("/{id:guid}/members/{iin}", ChangingHousehold.RemoveMember).RequireRoles(Clerks)
            .WithName("RemoveHouseholdMember").WithSummary("A member leaves the household (If-Match required)");
        households.MapPut("/{id:guid}/head", ChangingHousehold.ChangeHead).RequireRoles(Clerks)
            .WithName("ChangeHouseholdHead").WithSummary("Another member becomes the head (If-Match required)");
        households.MapPut("/{id:guid}/contact", ChangingHousehold.ChangeContact).RequireRoles(Clerks)
            .WithName("ChangeHouseholdContact").WithSummary("Change how to reach the household (If-Match required)");
        households.MapPost("/{id:guid}/move", MovingHousehold.Handle).RequireRoles(Clerks)
            .WithName("MoveHousehold").WithSummary("Record that the household now lives at another certified settlement (If-Match required)");
        api.MapGet("/settlements/{kato}/households", GettingHousehold.OfSettlement).RequireRoles(Roles.Staff)
            .WithTags("Households").WithName("HouseholdsOfSettlement").WithSummary("The households living in a settlement, paged");
        return api;
    }
}

public static class HouseholdStore
{
    public static void AddHouseholds(this Marten.StoreOptions options)
    {
        HouseholdMovedV1.Map(options);
        options.Projections.Add<HouseholdProjection>(JasperFx.Events.Projections.ProjectionLifecycle.Inline);
        options.Schema.For<Household>().Index(h => h.SettlementKato);
        options.Schema.For<PersonMembership>().Index(m => m.HouseholdId);
    }
}
