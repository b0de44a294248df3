namespace Migration.RelocationCase.Cases;

/// <summary>
/// How long each stage of a case may take: bound from <c>Cases:ServiceLevelTargets</c>, so a ministry changes them by
/// configuration. Working days are Monday to Friday (public holidays are not known to the service).
/// </summary>
public sealed class ServiceLevelTargets
{
    public const string Section = "Cases:ServiceLevelTargets";

    public int AssessmentWorkingDays { get; set; } = 10;

    public int DestinationWorkingDays { get; set; } = 10;

    public int ApprovalWorkingDays { get; set; } = 5;

    public int ReworkWorkingDays { get; set; } = 5;

    public int MoveCalendarDays { get; set; } = 60;

    public static DateOnly AddWorkingDays(DateOnly from, int days)
    {
        var day = from;
        for (var added = 0; added < days;)
        {
            day = day.AddDays(1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) added++;
        }

        return day;
    }
}
