namespace Migration.Web.Components.Widgets;

/// <summary>The reason a staff member gave in a <c>ReasonForm</c>; the page that takes the step marks it done.</summary>
public sealed class ReasonGiven(string reason)
{
    public string Reason { get; } = reason;

    public bool Done { get; set; }
}
