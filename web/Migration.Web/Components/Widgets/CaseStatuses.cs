namespace Migration.Web.Components.Widgets;

/// <summary>The statuses of a case as the API names them, in the order a case goes through them.</summary>
public static class CaseStatuses
{
    public static readonly IReadOnlyList<string> All =
        ["opened", "eligible", "ineligible", "destination-chosen", "submitted", "approved", "rejected", "withdrawn", "cancelled", "moved", "closed"];
}
