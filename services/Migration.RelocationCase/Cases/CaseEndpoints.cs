using Migration.ServiceDefaults.Auth;

namespace Migration.RelocationCase.Cases;

public static class CaseEndpoints
{
    private static readonly string[] Caseworkers = [Roles.Caseworker, Roles.Admin];
    private static readonly string[] Supervisors = [Roles.CaseSupervisor, Roles.Admin];
    private static readonly string[] CaseStaff = [Roles.Caseworker, Roles.CaseSupervisor, Roles.Admin];
    private static readonly string[] Readers = [Roles.Caseworker, Roles.CaseSupervisor, Roles.Admin, Roles.Auditor, Roles.HousingOfficer, Roles.FinanceOfficer, Roles.SeniorFinanceOfficer];

    public static RouteGroupBuilder MapCases(this RouteGroupBuilder api)
    {
        api.MapPost("/", OpeningCase.Handle).RequireRoles(Caseworkers).WithTags("Cases")
            .WithName("OpenCase").WithSummary("Open a relocation case for a registered household (one open case per household and person)");
        api.MapGet("/", ListingCases.Handle).RequireRoles(Readers).WithTags("Cases")
            .WithName("ListCases").WithSummary("Cases by status, oblast, caseworker, origin, destination, overdue or payments settled/unsettled, paged, in your oblast");
        api.MapGet("/statistics", CaseStatistics.Handle).RequireRoles(Readers).WithTags("Cases")
            .WithName("CaseStatistics").WithSummary("Cases by status and by destination oblast, and how many are overdue");
        api.MapGet("/statistics/daily", CaseStatusByDay.Handle).RequireRoles(Readers).WithTags("Cases")
            .WithName("CaseStatusByDay").WithSummary("Cases in each status at the end of each day of a period (at most a year), in your oblast");

        var cases = api.MapGroup("/{id:guid}").WithTags("Cases");
        cases.MapGet("/", GettingCase.Handle).RequireRoles(Readers).WithName("GetCase").WithSummary("A case with its task, notes, documents and payments");
        cases.MapGet("/timeline", GettingCase.Timeline).RequireRoles(Readers).WithName("CaseTimeline").WithSummary("Who did what and when, from the case's events");
        cases.MapPost("/assessment", AssessingEligibility.Assess).RequireRoles(Caseworkers).WithName("AssessEligibility")
            .WithSummary("Assess eligibility from what the service knows now (If-Match required)");
        cases.MapPost("/ineligible-closure", AssessingEligibility.CloseIneligible).RequireRoles(CaseStaff).WithName("CloseIneligibleCase")
            .WithSummary("Close an ineligible case with its reasons (If-Match required)");
        cases.MapPost("/destination", ChoosingDestination.Handle).RequireRoles(Caseworkers).WithName("ChooseDestination")
            .WithSummary("Choose the destination with the household, and record why (If-Match required)");
        cases.MapPost("/submission", SubmittingCase.Handle).RequireRoles(Caseworkers).WithName("SubmitCase")
            .WithSummary("Submit the case for a supervisor's approval (If-Match required)");
        cases.MapPost("/approval", DecidingCase.Approve).RequireRoles(Supervisors).WithName("ApproveCase")
            .WithSummary("Approve: another person than those who prepared it; eligibility and quota checked again (If-Match required)");
        cases.MapPost("/rejection", DecidingCase.Reject).RequireRoles(Supervisors).WithName("RejectCase")
            .WithSummary("Reject with a reason; the caseworker can rework and resubmit (If-Match required)");
        cases.MapPost("/withdrawal", EndingCase.Withdraw).RequireRoles(Caseworkers).WithName("WithdrawCase")
            .WithSummary("The household withdraws before the move (If-Match required)");
        cases.MapPost("/cancellation", EndingCase.Cancel).RequireRoles(CaseStaff).WithName("CancelCase")
            .WithSummary("Cancel the case before the move (If-Match required)");
        cases.MapPost("/move-confirmation", ConfirmingMove.Handle).RequireRoles(Caseworkers).WithName("ConfirmMove")
            .WithSummary("Confirm the household arrived, with the date (If-Match required)");
        cases.MapPost("/closure", ClosingCase.Handle).RequireRoles(CaseStaff).WithName("CloseCase")
            .WithSummary("Close a case whose move is confirmed (If-Match required); a case whose payments settle closes by itself");
        cases.MapPost("/assignment", ReassigningCase.Handle).RequireRoles(Supervisors).WithName("ReassignCase")
            .WithSummary("Reassign the case to another caseworker, with a reason (If-Match required)");
        cases.MapPost("/notes", CaseNotes.AddNote).RequireRoles(CaseStaff).WithName("AddCaseNote")
            .WithSummary("Add a note, confidential or not (If-Match required)");
        cases.MapPost("/documents", CaseNotes.RecordDocument).RequireRoles(CaseStaff).WithName("RecordCaseDocument")
            .WithSummary("Record a document of the household: type, number, date of issue (If-Match required)");
        return api;
    }
}
