using System.Net;
using System.Net.Http.Json;

namespace Migration.Demo;

/// <summary>
/// A finance admin opens the demo's budget lines and sets the demo approver's limit: stage 1's republican allocation
/// (KZT 67.5 billion for 2004–2006) spread over the receiving oblasts of the demo, and a local line of this year for
/// each, so payments of cases approved today have a line to go to.
/// </summary>
public static class DemoFinance
{
    private static readonly string[] ReceivingOblasts = ["43", "27", "35"];
    private const decimal StageOneRepublicanKzt = 67_500_000_000m;

    public sealed record Outcome(int LinesOpened, int AlreadyThere);

    public static async Task<Outcome> Load(GatewayClient api, CancellationToken cancellationToken)
    {
        var admin = await api.TokenFor("admin", cancellationToken);
        var perLine = StageOneRepublicanKzt / (3 * ReceivingOblasts.Length);
        var lines = Enumerable.Range(2004, 3).SelectMany(year => ReceivingOblasts.Select(oblast =>
                (object)new { fiscalYear = year, source = "republican", oblast, allocatedKzt = perLine, reference = $"State Program stage 1, republican budget {year}" }))
            .Concat(ReceivingOblasts.Select(oblast =>
                (object)new { fiscalYear = DateTime.UtcNow.Year, source = "local", oblast, allocatedKzt = 500_000_000m, reference = "maslikhat decision (demo)" }));
        int opened = 0, alreadyThere = 0;
        foreach (var line in lines)
        {
            using var response = await Send(api, admin, HttpMethod.Post, "/api/payments/budgets", line, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Created) opened++;
            else if (response.StatusCode == HttpStatusCode.Conflict) alreadyThere++;
            else throw new InvalidOperationException($"Opening a budget line answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        using var limit = await Send(api, admin, HttpMethod.Put, "/api/payments/approval-policy/limits/senior-finance-officer", new { limitKzt = 5_000_000m }, cancellationToken);
        if (!limit.IsSuccessStatusCode) throw new InvalidOperationException($"Setting the approval limit answered {(int)limit.StatusCode}.");
        return new Outcome(opened, alreadyThere);
    }

    private static async Task<HttpResponseMessage> Send(
        GatewayClient api, System.Net.Http.Headers.AuthenticationHeaderValue token, HttpMethod method, string path, object body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = token;
        return await api.Http.SendAsync(request, cancellationToken);
    }
}
