using System.Text.RegularExpressions;
using Migration.ServiceDefaults.Auth;
using Migration.Web.Login;

namespace Migration.Web.Gateway;

/// <summary>
/// Files the staff member downloads with an ordinary link (the browser saves them): the application fetches them from
/// the gateway with the member's token and passes them on. A disbursement batch's pain.001 file for one bank; an import's refused rows.
/// </summary>
public static partial class Downloads
{
    [GeneratedRegex("^[A-Z0-9]{8}([A-Z0-9]{3})?$")]
    private static partial Regex Bic();

    public static string BankFile(Guid batchId, string bic) => $"downloads/payments/batches/{batchId}/files/{bic}";

    public static string Rejections(Guid importId) => $"downloads/registry/imports/{importId}/rejections.csv";

    public static WebApplication MapDownloads(this WebApplication app)
    {
        app.MapGet("/downloads/payments/batches/{batchId:guid}/files/{bic}", (Guid batchId, string bic, HttpContext context, SessionTokens tokens, IHttpClientFactory clients) =>
                Bic().IsMatch(bic)
                    ? Fetch(context, tokens, clients, $"api/payments/batches/{batchId}/files/{bic}", "application/xml", $"pain.001-{batchId:N}-{bic}.xml")
                    : Task.FromResult(Results.NotFound()))
            .RequireAuthorization(policy => policy.RequireRole(Roles.FinanceOfficer, Roles.SeniorFinanceOfficer, Roles.Auditor));
        app.MapGet("/downloads/registry/imports/{importId:guid}/rejections.csv", (Guid importId, HttpContext context, SessionTokens tokens, IHttpClientFactory clients) =>
                Fetch(context, tokens, clients, $"api/registry/imports/{importId}/rejections.csv", "text/csv", $"refused-rows-{importId:N}.csv"))
            .RequireAuthorization();
        return app;
    }

    private static async Task<IResult> Fetch(HttpContext context, SessionTokens tokens, IHttpClientFactory clients, string path, string mediaType, string fileName)
    {
        var session = context.User.FindFirst(SessionTokens.SessionClaim)?.Value;
        var token = session is null ? null : await tokens.AccessToken(session, context.RequestAborted);
        if (token is null) return Results.Unauthorized();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new("Bearer", token);
        using var response = await clients.CreateClient(GatewayApi.HttpClientName).SendAsync(request, context.RequestAborted);
        if (!response.IsSuccessStatusCode) return Results.StatusCode((int)response.StatusCode);
        return Results.File(await response.Content.ReadAsByteArrayAsync(context.RequestAborted), mediaType, fileName);
    }
}
