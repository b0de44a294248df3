using Migration.RelocationCase.Settlements;
using Migration.ServiceDefaults.Problems;

namespace Migration.RelocationCase.Cases;

/// <summary>What the case service knows of a household when it decides: where it lives and who is in it.</summary>
public sealed record HouseholdSnapshot(Guid HouseholdId, string SettlementKato, string Oblast, IReadOnlyList<CaseMember> Members);

/// <summary>The pure decisions of a relocation case: (state, command, what the service knows) → events, or a refusal.</summary>
public static class CaseDecisions
{
    public const string WrongStage = "case.wrong-stage";
    public const string FourEyes = "case.four-eyes";
    public const string NotEligible = "case.not-eligible";
    public const string DestinationUnfit = "case.destination-unfit";
    public const string ArrivalDate = "case.arrival-date";

    public static CaseOpened Open(Guid caseId, HouseholdSnapshot household, string caseworker, DateOnly today, ServiceLevelTargets targets) =>
        new(caseId, household.HouseholdId, household.SettlementKato, household.Oblast, household.Members, caseworker,
            ServiceLevelTargets.AddWorkingDays(today, targets.AssessmentWorkingDays));

    /// <summary>
    /// Eligible when the origin is of low potential or hazardous, the household is registered there, and nobody in it has
    /// already been relocated by the program. Every reason is kept, met or not, so a person can read why.
    /// </summary>
    public static EligibilityAssessed Assess(CaseFile c, KnownSettlement? origin, HouseholdSnapshot? household, IReadOnlyCollection<string> relocatedMembers,
        DateOnly today, ServiceLevelTargets targets)
    {
        Require(c, CaseStatus.Opened, CaseStatus.Eligible, CaseStatus.Ineligible);
        var reasons = Reasons(c, origin, household, relocatedMembers);
        var eligible = reasons.All(r => r.Met);
        return new EligibilityAssessed(c.Id, eligible, origin?.HasEnvironmentalHazard == true, reasons,
            eligible ? ServiceLevelTargets.AddWorkingDays(today, targets.DestinationWorkingDays) : null);
    }

    public static IReadOnlyList<EligibilityReason> Reasons(CaseFile c, KnownSettlement? origin, HouseholdSnapshot? household, IReadOnlyCollection<string> relocatedMembers) =>
    [
        origin is null
            ? new EligibilityReason("origin.unknown", false, $"Settlement {c.OriginKato} is not known as certified.")
            : origin.HasEnvironmentalHazard
                ? new EligibilityReason("origin.hazard", true, $"{origin.Name} lies in an area of environmental problems (priority case).")
                : origin.PotentialClass == "low"
                    ? new EligibilityReason("origin.low-potential", true, $"{origin.Name} is of low development potential.")
                    : new EligibilityReason("origin.viable", false, $"{origin.Name} is of {origin.PotentialClass} potential and has no environmental hazard."),
        household is null
            ? new EligibilityReason("household.unknown", false, "The household is no longer known to the registry.")
            : household.SettlementKato == c.OriginKato
                ? new EligibilityReason("household.registered-at-origin", true, "The household is registered in its settlement of origin.")
                : new EligibilityReason("household.not-at-origin", false, $"The household is now registered in {household.SettlementKato}, not {c.OriginKato}."),
        relocatedMembers.Count == 0
            ? new EligibilityReason("program.first-relocation", true, "Nobody in the household has been relocated by the program before.")
            : new EligibilityReason("program.already-relocated", false, $"{relocatedMembers.Count} member(s) were already relocated by the program."),
    ];

    public static CaseClosedIneligible CloseIneligible(CaseFile c, string reason)
    {
        Require(c, CaseStatus.Ineligible);
        return new CaseClosedIneligible(c.Id, c.HouseholdId, reason);
    }

    public static DestinationChosen ChooseDestination(CaseFile c, KnownSettlement? destination, string reason, int? rank, decimal? score)
    {
        Require(c, CaseStatus.Eligible, CaseStatus.DestinationChosen, CaseStatus.Rejected);
        if (destination is null) throw Unfit("The destination is not a certified settlement known to the case service.");
        if (destination.Id == c.OriginKato) throw Unfit("The destination is the settlement of origin.");
        if (destination.PotentialClass is not ("high" or "medium")) throw Unfit($"{destination.Name} is of {destination.PotentialClass} potential; destinations are of high or medium potential.");
        if (destination.HasEnvironmentalHazard) throw Unfit($"{destination.Name} has an environmental hazard.");
        return new DestinationChosen(c.Id, c.HouseholdId, destination.Id, destination.Oblast, destination.Name, rank, score, reason);
    }

    public static CaseSubmitted Submit(CaseFile c, DateOnly today, ServiceLevelTargets targets)
    {
        Require(c, CaseStatus.DestinationChosen);
        return new CaseSubmitted(c.Id, ServiceLevelTargets.AddWorkingDays(today, targets.ApprovalWorkingDays));
    }

    /// <summary>Approval by a supervisor who did not prepare the case, with eligibility checked again as of now.</summary>
    public static CaseApproved Approve(CaseFile c, string supervisor, IReadOnlyList<EligibilityReason> eligibilityNow, DateOnly today, ServiceLevelTargets targets)
    {
        Require(c, CaseStatus.Submitted);
        EnsureFourEyes(c, supervisor);
        if (eligibilityNow.FirstOrDefault(r => !r.Met) is { } failed)
            throw new ProblemException(StatusCodes.Status409Conflict, NotEligible, "No longer eligible", failed.Explanation);
        return new CaseApproved(c.Id, today.Year, today.AddDays(targets.MoveCalendarDays), c.HouseholdId, c.OriginKato, c.Oblast,
            c.DestinationKato!, c.DestinationOblast!, c.Members, c.HazardPriority);
    }

    public static CaseRejected Reject(CaseFile c, string supervisor, string reason, DateOnly today, ServiceLevelTargets targets)
    {
        Require(c, CaseStatus.Submitted);
        EnsureFourEyes(c, supervisor);
        return new CaseRejected(c.Id, reason, ServiceLevelTargets.AddWorkingDays(today, targets.ReworkWorkingDays));
    }

    public static CaseWithdrawn Withdraw(CaseFile c, string reason)
    {
        RequireBeforeMove(c);
        return new CaseWithdrawn(c.Id, c.HouseholdId, reason, c.Status == CaseStatus.Approved);
    }

    public static CaseCancelled Cancel(CaseFile c, string reason)
    {
        RequireBeforeMove(c);
        return new CaseCancelled(c.Id, c.HouseholdId, reason, c.Status == CaseStatus.Approved);
    }

    public static MoveConfirmed ConfirmMove(CaseFile c, DateOnly arrivedOn, DateOnly today, DateOnly approvedOn)
    {
        Require(c, CaseStatus.Approved);
        if (arrivedOn > today || arrivedOn < approvedOn)
            throw new ProblemException(StatusCodes.Status400BadRequest, ArrivalDate, "Arrival date out of range",
                $"The arrival date must lie between the approval ({approvedOn:yyyy-MM-dd}) and today ({today:yyyy-MM-dd}).");
        return new MoveConfirmed(c.Id, c.HouseholdId, c.OriginKato, c.DestinationKato!, arrivedOn);
    }

    public const string Relocated = "relocated";

    public static CaseClosed Close(CaseFile c)
    {
        Require(c, CaseStatus.Moved);
        return new CaseClosed(c.Id, c.HouseholdId, Relocated);
    }

    /// <summary>The closure nobody takes: the move is confirmed (or being confirmed) and the payments are settled (see <see cref="ClosingOnSettlement"/>).</summary>
    public static CaseClosed CloseSettled(CaseFile c) => new(c.Id, c.HouseholdId, Relocated, ClosingOnSettlement.Trigger);

    public static CaseReassigned Reassign(CaseFile c, string to, string reason)
    {
        if (!c.IsOpen) throw WrongStageFor(c);
        if (to == c.Caseworker) throw new ProblemException(StatusCodes.Status409Conflict, WrongStage, "Already assigned", $"The case is already assigned to {to}.");
        return new CaseReassigned(c.Id, c.Caseworker, to, reason);
    }

    private static void EnsureFourEyes(CaseFile c, string supervisor)
    {
        if (c.Preparers.Contains(supervisor))
            throw new ProblemException(StatusCodes.Status403Forbidden, FourEyes, "Four eyes",
                "A case is decided by a supervisor who did not open, assess or submit it.");
    }

    private static void RequireBeforeMove(CaseFile c)
    {
        if (!c.IsOpen || c.Status == CaseStatus.Moved) throw WrongStageFor(c);
    }

    private static void Require(CaseFile c, params CaseStatus[] allowed)
    {
        if (!allowed.Contains(c.Status)) throw WrongStageFor(c);
    }

    private static ProblemException WrongStageFor(CaseFile c) =>
        new(StatusCodes.Status409Conflict, WrongStage, "Not at this stage", $"The case is {c.Status.ToString().ToLowerInvariant()}; this step does not apply now.");

    private static ProblemException Unfit(string detail) => new(StatusCodes.Status400BadRequest, DestinationUnfit, "Destination not fit", detail);
}
