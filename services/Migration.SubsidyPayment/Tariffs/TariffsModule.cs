using Marten;
using Migration.ServiceDefaults.Auth;

namespace Migration.SubsidyPayment.Tariffs;

/// <summary>The tariffs: the MCI table and the versions of the benefit parameters, data a finance admin (role admin) edits.</summary>
public static class TariffsModule
{
    public static StoreOptions AddTariffs(this StoreOptions options)
    {
        options.Schema.For<MciRate>();
        options.Schema.For<TariffSchedule>();
        return options;
    }

    public static IServiceCollection AddTariffSeeding(this IServiceCollection services) => services.AddHostedService<TariffSeeding>();

    public static RouteGroupBuilder MapTariffs(this RouteGroupBuilder api)
    {
        var tariffs = api.MapGroup("/tariffs").WithTags("Tariffs");
        tariffs.MapGet("/mci", ReadingTariffs.ListMci).RequireRoles(Roles.Staff).WithName("ListMci").WithSummary("The MCI table: each value with the date it takes effect");
        tariffs.MapGet("/mci/{effectiveFrom}", ReadingTariffs.GetMci).RequireRoles(Roles.Staff).WithName("GetMci").WithSummary("The MCI that takes effect on a date");
        tariffs.MapPut("/mci/{effectiveFrom}", SettingMci.Handle).RequireRoles(Roles.Admin).WithName("SetMci")
            .WithSummary("Set the MCI in force from a date (finance admin; audited)");
        tariffs.MapGet("/schedules", ReadingTariffs.ListSchedules).RequireRoles(Roles.Staff).WithName("ListTariffSchedules")
            .WithSummary("The versions of the benefit parameters, oldest first");
        tariffs.MapPost("/schedules", AddingSchedule.Handle).RequireRoles(Roles.Admin).WithName("AddTariffSchedule")
            .WithSummary("Add a version of the benefit parameters in force from a date (finance admin; audited)");
        tariffs.MapGet("/history", ReadingTariffs.History).RequireRoles(Roles.Admin, Roles.Auditor, Roles.SeniorFinanceOfficer).WithName("TariffHistory")
            .WithSummary("Every tariff change: who, when, old and new value");
        return api;
    }
}
