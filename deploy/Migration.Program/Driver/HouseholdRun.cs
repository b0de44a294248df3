using Migration.ProgramRun.Scenario;

namespace Migration.ProgramRun.Driver;

/// <summary>One household's way through the run: its ids in the system and where its case got to.</summary>
public sealed class HouseholdRun(PlannedHousehold plan)
{
    public PlannedHousehold Plan { get; } = plan;

    public Guid? HouseholdId { get; set; }

    public Guid? CaseId { get; set; }

    /// <summary>The case's ETag after the driver's last step.</summary>
    public string? CaseETag { get; set; }

    public string? Destination { get; set; }

    public string DestinationOblast => Destination![..2];

    public bool Approved { get; set; }

    public bool Withdrawn { get; set; }

    /// <summary>The housing service reserved a unit: the family can move.</summary>
    public bool Housed { get; set; }

    public bool Moved { get; set; }

    /// <summary>What went wrong for this household, if anything (the run goes on with the others).</summary>
    public string? Failure { get; set; }

    public bool Active => Failure is null && CaseId is not null && !Withdrawn;
}
