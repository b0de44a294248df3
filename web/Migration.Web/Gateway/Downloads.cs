using System.Text.RegularExpressions;
using Migration.ServiceDefaults.Auth;
using Migration.Web.Login;

namespace Migration.Web.Gateway;

/// <summary>
/// Files the staff member downloads with an ordinary link (the browser saves them): the application fetches them from
/// the gateway with the member's token and passes them on. Today: a disbursement batch's pain.001 file for one bank.
/// </summary>
public static partial class Downloads
{
    [GeneratedRegex("^[A-Z0-9]{8}([A-Z0-9]{3})?$")]
    private static partial Regex Bic();

    public static string BankFile(Guid batchId, string bic) => $"downloads/payments/batches/{batchId}/files/{bic}";

    public static WebApplication MapDownloads(this WebApplication app)
    {
        app.MapGet("/downloads/payments/batches/{batchId:guid}/files/{bic}", async (Guid batchId, string bic, HttpContext context, SessionTokens tokens, IHttpClientFactory clients) =>
        {
            if (!Bic().IsMatch(bic)) return Results.NotFound();
            var session = context.User.FindFirst(SessionTokens.SessionClaim)?.Value;
            var token = session is null ? null : await tokens.AccessToken(session, context.RequestAborted);
            if (token is null) return Results.Unauthorized();
            using var request = new HttpRequestMessage(HttpMethod.Get, $"api/payments/batches/{batchId}/files/{bic}");
            request.Headers.Authorization = new("Bearer", token);
            using var response = await clients.CreateClient(GatewayApi.HttpClientName).SendAsync(request, context.RequestAborted);
            if (!response.IsSuccessStatusCode) return Results.StatusCode((int)response.StatusCode);
            var bytes = await response.Content.ReadAsByteArrayAsync(context.RequestAborted);
            return Results.File(bytes, "application/xml", $"pain.001-{batchId:N}-{bic}.xml");
        }).RequireAuthorization(policy => policy.RequireRole(Roles.FinanceOfficer, Roles.SeniorFinanceOfficer, Roles.Auditor));
        return app;
    }
}
