using Marten;
using MassTransit;
using Migration.ServiceDefaults.Auth;
using Migration.SubsidyPayment.Accounts;
using Migration.SubsidyPayment.Approvals;
using Migration.SubsidyPayment.Cases;

namespace Migration.SubsidyPayment.Payments;

/// <summary>
/// The payment workflow: payments and their transitions, the households' accounts they go to, the approval policy, and
/// the cases' standing that approval re-checks.
/// </summary>
public static class PaymentsModule
{
    private static readonly string[] Finance = [Roles.FinanceOfficer, Roles.SeniorFinanceOfficer];

    public static StoreOptions AddPayments(this StoreOptions options)
    {
        options.Projections.Add<PaymentProjection>(JasperFx.Events.Projections.ProjectionLifecycle.Inline);
        options.Projections.Add<HouseholdAccountProjection>(JasperFx.Events.Projections.ProjectionLifecycle.Inline);
        options.Projections.Add<ApprovalPolicyProjection>(JasperFx.Events.Projections.ProjectionLifecycle.Inline);
        options.Schema.For<Payment>().Index(p => p.CaseId).Index(p => p.HouseholdId).Index(p => p.Status);
        options.Schema.For<CaseRecord>();
        return options;
    }

    public static IBusRegistrationConfigurator AddCaseConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<MoveConfirmedConsumer>();
        bus.AddConsumer<CaseWithdrawnConsumer>();
        bus.AddConsumer<CaseCancelledConsumer>();
        return bus;
    }

    public static RouteGroupBuilder MapPayments(this RouteGroupBuilder api)
    {
        var payments = api.MapGroup("").WithTags("Payments");
        payments.MapGet("/", ListingPayments.List).RequireRoles(FinanceRoles.Readers).WithName("ListPayments")
            .WithSummary("Payments by status (the work queues), case, household, benefit, oblast and due date; keyset pages");
        payments.MapGet("/{paymentId:guid}", ListingPayments.Get).RequireRoles(FinanceRoles.Readers).WithName("GetPayment")
            .WithSummary("One payment with its steps: who verified, approved, batched; ETag: its version");
        payments.MapPost("/{paymentId:guid}/verification", ReviewingPayments.Verify).RequireRoles(Roles.FinanceOfficer).WithName("VerifyPayment")
            .WithSummary("Verify a calculated payment and charge it to a budget line of the destination oblast (If-Match)");
        payments.MapPost("/verifications", VerifyingInBulk.Handle).RequireRoles(Roles.FinanceOfficer).WithName("VerifyPayments")
            .WithSummary("Verify many calculated payments at once, each against its budget line at the version read; an outcome per payment");
        payments.MapPost("/{paymentId:guid}/correction", ReviewingPayments.Correct).RequireRoles(Roles.FinanceOfficer).WithName("CorrectPayment")
            .WithSummary("Correct the amount of a payment that was sent back, with the reason (If-Match)");
        payments.MapPost("/{paymentId:guid}/send-back", ReviewingPayments.SendBackToVerifier).RequireRoles(Roles.SeniorFinanceOfficer)
            .RequireScope(ApiScopes.PaymentsApprove).WithName("SendBackPayment")
            .WithSummary("Send a verified payment back to the finance officers with a reason, instead of approving it (If-Match)");
        payments.MapPost("/{paymentId:guid}/approval", ApprovingPayment.Handle).RequireRoles(Roles.SeniorFinanceOfficer)
            .RequireScope(ApiScopes.PaymentsApprove).WithName("ApprovePayment")
            .WithSummary("Approve a verified payment: not its verifier, within your limit, two approvers above the threshold; commits the budget (If-Match)");
        payments.MapPost("/approvals", ApprovingInBulk.Handle).RequireRoles(Roles.SeniorFinanceOfficer)
            .RequireScope(ApiScopes.PaymentsApprove).WithName("ApprovePayments")
            .WithSummary("Approve many verified payments at once, each at the version read and by the same rules as one; budget lines locked once each; an outcome per payment");
        payments.MapPost("/{paymentId:guid}/cancellation", EndingPayments.Cancel).RequireRoles(Finance).WithName("CancelPayment")
            .WithSummary("Cancel a payment not yet batched, with a reason; an approved one gives its commitment back (If-Match)");
        payments.MapPost("/{paymentId:guid}/reissue", EndingPayments.Reissue).RequireRoles(Roles.FinanceOfficer).WithName("ReissuePayment")
            .WithSummary("Issue a returned payment again, once, with a reason: a new payment to verify and approve (If-Match)");
        payments.MapPost("/{paymentId:guid}/reversal", EndingPayments.Reverse).RequireRoles(Roles.SeniorFinanceOfficer).WithName("ReversePayment")
            .WithSummary("Record that a paid payment was reversed, with a reason; its spending goes back to the budget (If-Match)");

        var households = api.MapGroup("/households").WithTags("Accounts");
        households.MapGet("/{householdId:guid}/account", RecordingAccount.Get).RequireRoles(FinanceRoles.Readers).WithName("GetHouseholdAccount")
            .WithSummary("The bank account a household is paid to");
        households.MapPut("/{householdId:guid}/account", RecordingAccount.Handle).RequireRoles(Roles.FinanceOfficer).WithName("RecordHouseholdAccount")
            .WithSummary("Record the household's account (IBAN checked: KZ format, mod 97, known bank); If-Match to replace it");

        var policy = api.MapGroup("/approval-policy").WithTags("Approval policy");
        policy.MapGet("/", SettingApprovalPolicy.Get).RequireRoles(FinanceRoles.Readers).WithName("GetApprovalPolicy")
            .WithSummary("Personal approval limits and the amount above which two approvers are needed");
        policy.MapPut("/limits/{userId}", SettingApprovalPolicy.SetLimit).RequireRoles(Roles.Admin).WithName("SetApprovalLimit")
            .WithSummary("Set a senior finance officer's approval limit (null withdraws it; finance admin; audited)");
        policy.MapPut("/threshold", SettingApprovalPolicy.SetThreshold).RequireRoles(Roles.Admin).WithName("SetSecondApprovalThreshold")
            .WithSummary("Set the amount above which a payment needs two approvers (finance admin; audited)");
        return api;
    }
}
