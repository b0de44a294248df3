using Marten;
using Migration.ServiceDefaults.Auth;

namespace Migration.SubsidyPayment.Recoveries;

/// <summary>Claw-back: recovery cases for money paid to households that withdrew or left, with partial repayments.</summary>
public static class RecoveriesModule
{

    public static StoreOptions AddRecoveries(this StoreOptions options)
    {
        options.Projections.Add<RecoveryCaseProjection>(JasperFx.Events.Projections.ProjectionLifecycle.Inline);
        options.Schema.For<RecoveryCase>().Index(r => r.HouseholdId);
        return options;
    }

    public static RouteGroupBuilder MapRecoveries(this RouteGroupBuilder api)
    {
        var recoveries = api.MapGroup("/recoveries").WithTags("Recoveries");
        recoveries.MapGet("/", Recovering.List).RequireRoles(FinanceRoles.Readers).WithName("ListRecoveries").WithSummary("Recovery cases, open or settled");
        recoveries.MapPost("/", Recovering.Open).RequireRoles(Roles.SeniorFinanceOfficer).WithName("OpenRecovery")
            .WithSummary("Open a recovery for what was paid in a case whose household left (a withdrawal opens one by itself)");
        recoveries.MapGet("/{caseId:guid}", Recovering.Get).RequireRoles(FinanceRoles.Readers).WithName("GetRecovery").WithSummary("A case's recovery with its repayments");
        recoveries.MapPost("/{caseId:guid}/repayments", Recovering.Repay).RequireRoles(Roles.FinanceOfficer).WithName("RecordRepayment")
            .WithSummary("Record a (partial) repayment; never more than is outstanding, each bank reference once (If-Match)");
        return api;
    }
}
