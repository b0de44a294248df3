using System.Net;
using System.Net.Http.Json;

namespace Migration.Demo;

/// <summary>A registry clerk certifies the demo's origin and destination settlements (real KATO codes and names).</summary>
public static class DemoSettlements
{
    public sealed record Outcome(int Certified, int AlreadyThere);

    public static async Task<Outcome> Load(GatewayClient api, string file, CancellationToken cancellationToken)
    {
        var clerk = await api.TokenFor("registry-clerk", cancellationToken);
        int certified = 0, alreadyThere = 0;
        foreach (var line in (await File.ReadAllLinesAsync(file, cancellationToken)).Skip(1).Where(l => l.Length > 0))
        {
            var fields = line.Split(';');
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/registry/settlements")
            {
                Content = JsonContent.Create(new
                {
                    kato = fields[0],
                    nameRu = fields[1],
                    potentialClass = fields[2],
                    hazards = fields[3].Length == 0 ? [] : new[] { new { type = fields[3], severity = "high" } },
                }),
            };
            request.Headers.Authorization = clerk;
            using var response = await api.Http.SendAsync(request, cancellationToken);
            switch (response.StatusCode)
            {
                case HttpStatusCode.Created:
                    certified++;
                    break;
                case HttpStatusCode.Conflict:
                    alreadyThere++;
                    break;
                default:
                    throw new InvalidOperationException(
                        $"Certifying {fields[0]} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
            }
        }

        return new Outcome(certified, alreadyThere);
    }
}
