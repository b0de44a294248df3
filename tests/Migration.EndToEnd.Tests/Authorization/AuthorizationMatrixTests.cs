using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Xunit.Abstractions;

namespace Migration.EndToEnd.Tests.Authorization;

/// <summary>
/// Every endpoint of every service, through the gateway, with every role and with no token, judged against
/// <c>authorization-matrix.csv</c>. Bodies are <c>{}</c> and identifiers name nothing, so writes fail validation or find
/// nothing: what is tested is only who gets past authorisation, and that nobody gets a 5xx for dummy input.
/// </summary>
[Collection(ProgramRun.Name)]
public sealed class AuthorizationMatrixTests(ProgramFixture fixture, ITestOutputHelper output)
{
    /// <summary>Modest: the whole system shares two cores with the other tests' machines.</summary>
    private const int Parallelism = 8;

    private readonly Migration.Testing.Hosting.ProgramSystem _system = fixture.System;

    [Fact]
    public async Task The_table_has_one_row_for_every_endpoint_in_the_api_documents_and_no_other()
    {
        using var anonymous = await _system.Client();
        var documented = (await ApiDocuments.Read(anonymous)).Select(o => o.Endpoint).ToHashSet();
        var tabled = AuthorizationMatrix.Load().Rows.Select(r => r.Endpoint).ToHashSet();

        var missing = documented.Except(tabled).OrderBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal).ToList();
        var stale = tabled.Except(documented).OrderBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0 && stale.Count == 0,
            $"authorization-matrix.csv is out of step with the API.\nEndpoints without a row ({missing.Count}):\n  {string.Join("\n  ", missing.Select(e => $"{e.Method};{e.Path};"))}" +
            $"\nRows for no endpoint ({stale.Count}):\n  {string.Join("\n  ", stale)}");
    }

    [Fact]
    public async Task Every_caller_gets_through_exactly_where_the_table_says()
    {
        using var anonymous = await _system.Client();
        var operations = (await ApiDocuments.Read(anonymous)).ToDictionary(o => o.Endpoint);
        var rows = AuthorizationMatrix.Load().Rows.Where(r => operations.ContainsKey(r.Endpoint)).ToList();
        var clients = new Dictionary<string, HttpClient>(StringComparer.Ordinal);
        foreach (var role in Callers.Roles) clients[role] = await _system.Client(role);
        try
        {
            var calls = rows.SelectMany(row =>
            {
                var operation = operations[row.Endpoint];
                var path = DummyPathValues.Fill(operation);
                return Callers.All.Select(role => (Row: row, Path: path, operation.BodyMediaType, Role: role));
            }).ToList();
            var mismatches = new ConcurrentBag<string>();
            var acceptedWrites = new ConcurrentBag<string>();

            await Parallel.ForEachAsync(calls, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (call, cancellationToken) =>
            {
                var client = call.Role is null ? anonymous : clients[call.Role];
                using var request = DummyRequest(call.Row.Endpoint.Method, call.Path, call.BodyMediaType);
                using var response = await client.SendAsync(request, cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (Mismatch(call.Row, call.Role, response.StatusCode, FellThrough(response.StatusCode, body)) is { } expected)
                {
                    mismatches.Add($"{call.Row.Endpoint} as {Callers.Name(call.Role)}: expected {expected}, got {(int)response.StatusCode} " +
                        $"({call.Path}) {body[..Math.Min(body.Length, 200)]}");
                }
                else if (response.IsSuccessStatusCode && call.Row.Endpoint.Method != "GET")
                {
                    acceptedWrites.Add($"{call.Row.Endpoint} as {Callers.Name(call.Role)}: {(int)response.StatusCode}");
                }
            });

            // Not a failure, but worth a look: a write that a dummy body and a made-up identifier did not stop.
            foreach (var write in acceptedWrites.Order(StringComparer.Ordinal)) output.WriteLine($"accepted with a dummy body: {write}");
            Assert.True(mismatches.IsEmpty,
                $"{mismatches.Count} of {calls.Count} calls disagree with authorization-matrix.csv:\n{string.Join('\n', mismatches.Order(StringComparer.Ordinal))}");
        }
        finally
        {
            foreach (var client in clients.Values) client.Dispose();
        }
    }

    /// <summary>What was expected, when the answer is not it; <c>null</c> when the answer agrees with the table.</summary>
    private static string? Mismatch(AuthorizationMatrix.Row row, string? role, HttpStatusCode status, bool fellThrough)
    {
        var code = (int)status;
        if (code >= 500) return "no 5xx";
        if (row.Allows(role) && fellThrough) return "the endpoint itself, not the services' fallback route (is the body's media type right?)";
        if (row.Allows(role)) return status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden ? "neither 401 nor 403" : null;
        if (role is null) return status == HttpStatusCode.Unauthorized ? null : "401";
        return status == HttpStatusCode.Forbidden ? null : "403";
    }

    /// <summary>
    /// The 404 of the services' catch-all <c>/api/{**path}</c> route: the request matched no endpoint (a body of a media
    /// type the endpoint does not accept does that), so the matrix did not test the endpoint at all.
    /// </summary>
    private static bool FellThrough(HttpStatusCode status, string body) =>
        status == HttpStatusCode.NotFound && body.Contains("\"detail\":\"No such resource.\"", StringComparison.Ordinal);

    /// <summary>
    /// <c>{}</c> for writes (as a CSV upload, a file with a header line and no rows), and no If-Match: enough to pass
    /// authorisation, too little to change anything.
    /// </summary>
    private static HttpRequestMessage DummyRequest(string method, string path, string? bodyMediaType) => new(new HttpMethod(method), path)
    {
        Content = bodyMediaType is not null || method is "POST" or "PUT" or "PATCH"
            ? new StringContent("{}", Encoding.UTF8, bodyMediaType ?? "application/json")
            : null,
    };
}
