using JasperFx.Events.Projections;
using Marten;
using Migration.ServiceDefaults.Auth;

namespace Migration.Registry.LabourDemand;

/// <summary>Labour demand in the registry: employers by BIN, their vacancies at certified settlements, and the open demand per occupation.</summary>
public static class LabourDemandModule
{
    /// <summary>Employers' integrators declare vacancies for them, beside registry clerks.</summary>
    private static readonly string[] Writers = [Roles.RegistryClerk, Roles.Admin, Roles.Integrator];

    public static void AddLabourDemand(this StoreOptions options)
    {
        // Employers are streams keyed by BIN, vacancies by their id; both documents are written in the event's transaction.
        options.Projections.Add<EmployerProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<VacancyProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<Vacancy>().Index(v => v.SettlementKato).Index(v => v.EmployerBin);
    }

    public static RouteGroupBuilder MapLabourDemand(this RouteGroupBuilder api)
    {
        var employers = api.MapGroup("/employers").WithTags("Labour demand");
        employers.MapPost("/", RegisteringEmployer.Handle).RequireRoles(Writers)
            .WithName("RegisterEmployer").WithSummary("Register an employer by its BIN (once)");
        employers.MapGet("/{bin}", GettingEmployer.Handle).RequireRoles(Roles.Staff)
            .WithName("GetEmployer").WithSummary("Read a registered employer by its BIN");

        var vacancies = api.MapGroup("/vacancies").WithTags("Labour demand");
        vacancies.MapPost("/", DeclaringVacancy.Handle).RequireRoles(Writers)
            .WithName("DeclareVacancy").WithSummary("Declare a vacancy at a certified settlement (Idempotency-Key honoured)");
        vacancies.MapGet("/", ListingVacancies.Handle).RequireRoles(Roles.Staff)
            .WithName("ListVacancies").WithSummary("Vacancies by settlement, occupation, employer and openness, paged");
        vacancies.MapGet("/{id:guid}", GettingVacancy.Handle).RequireRoles(Roles.Staff)
            .WithName("GetVacancy").WithSummary("Read a vacancy by its id");
        vacancies.MapPut("/{id:guid}", ChangingVacancy.Handle).RequireRoles(Writers)
            .WithName("ChangeVacancy").WithSummary("Change the places, wage or period of an open vacancy (If-Match required)");
        vacancies.MapPost("/{id:guid}/close", ClosingVacancy.Handle).RequireRoles(Writers)
            .WithName("CloseVacancy").WithSummary("Close a vacancy with a reason (If-Match required)");

        api.MapGet("/settlements/{kato}/open-vacancies", OpenVacancies.Handle).RequireRoles(Roles.Staff).WithTags("Labour demand")
            .WithName("OpenVacancies").WithSummary("Open vacancies and places per occupation at a settlement");
        return api;
    }
}
