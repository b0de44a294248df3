using Microsoft.AspNetCore.Components;
using Migration.Web.Gateway;
using Migration.Web.Gateway.Models;

namespace Migration.Web.Components.Widgets;

/// <summary>
/// A step on a case (<c>POST /api/cases/{id}/{step}</c> with the case's ETag): the page hears that it was done, with
/// the message to show, or the problem the service answered.
/// </summary>
public static class CaseSteps
{
    public static async Task<bool> Take(
        GatewayApi api, CaseFile file, string? etag, string step, object? body, string done, EventCallback<string> changed, EventCallback<Problem> failed)
    {
        var result = await api.Post<CaseFile>($"api/cases/{file.Id}/{step}", body, etag);
        if (result.Problem is { } problem)
        {
            await failed.InvokeAsync(problem);
            return false;
        }

        await changed.InvokeAsync(done);
        return true;
    }

    /// <summary>Statuses in which the case is still open and the household has not moved: it can be withdrawn, cancelled or reassigned.</summary>
    public static bool BeforeMove(CaseFile file) => file.Status is "opened" or "eligible" or "destination-chosen" or "submitted" or "approved" or "rejected";
}
