namespace Migration.Web.Components.Widgets;

/// <summary>How a case is named on screen: the first eight characters of its id, enough to tell cases apart at a glance.</summary>
public static class CaseNumber
{
    public static string Of(Guid id) => id.ToString("N")[..8].ToUpperInvariant();
}
