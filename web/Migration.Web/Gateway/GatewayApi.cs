using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Components.Authorization;
using Migration.Web.Login;

namespace Migration.Web.Gateway;

/// <summary>
/// A refusal or fault as the services answer it: RFC 9457 problem details with the program's stable code, and for
/// <c>validation.failed</c> what is wrong with each field (<see cref="Errors"/>).
/// </summary>
public sealed record Problem(int Status, string Code, string Title, string? Detail)
{
    public IReadOnlyList<FieldError> Errors { get; init; } = [];

    public string Message => Detail is { Length: > 0 } ? $"{Title} {Detail}" : Title;
}

/// <summary>One field's refusal in a <c>validation.failed</c> answer.</summary>
public sealed record FieldError(string Field, string Code, string Message);

/// <summary>An answer of the API: the value and its ETag, or the problem.</summary>
public sealed record ApiResult<T>(T? Value, string? ETag, Problem? Problem)
{
    public bool Ok => Problem is null;
}

/// <summary>
/// The services' API, called only through the gateway, as the staff member of this circuit (their access token as
/// Bearer). JSON as the services write it (camelCase, kebab-case enums). One instance per circuit.
/// </summary>
public sealed class GatewayApi(HttpClient http, AuthenticationStateProvider authentication, SessionTokens tokens)
{
    public const string HttpClientName = "gateway";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public Task<ApiResult<T>> Get<T>(string path, CancellationToken cancellationToken = default) =>
        Send<T>(HttpMethod.Get, path, body: null, etag: null, cancellationToken);

    public Task<ApiResult<T>> Post<T>(string path, object? body, string? etag = null, CancellationToken cancellationToken = default) =>
        Send<T>(HttpMethod.Post, path, body, etag, cancellationToken);

    public Task<ApiResult<T>> Put<T>(string path, object? body, string? etag = null, CancellationToken cancellationToken = default) =>
        Send<T>(HttpMethod.Put, path, body, etag, cancellationToken);

    /// <summary>A file the API serves (a bank file, a CSV of refused rows), as bytes.</summary>
    public async Task<ApiResult<byte[]>> Download(string path, CancellationToken cancellationToken = default)
    {
        using var request = await Request(HttpMethod.Get, path, cancellationToken);
        using var response = await http.SendAsync(request, cancellationToken);
        return response.IsSuccessStatusCode
            ? new ApiResult<byte[]>(await response.Content.ReadAsByteArrayAsync(cancellationToken), null, null)
            : new ApiResult<byte[]>(null, null, await ProblemOf(response, cancellationToken));
    }

    /// <summary>Uploads a file as the body (a bank statement, a CSV import).</summary>
    public async Task<ApiResult<T>> Upload<T>(string path, Stream content, string mediaType, CancellationToken cancellationToken = default)
    {
        using var request = await Request(HttpMethod.Post, path, cancellationToken);
        request.Content = new StreamContent(content);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        using var response = await http.SendAsync(request, cancellationToken);
        return await Read<T>(response, cancellationToken);
    }

    private async Task<ApiResult<T>> Send<T>(HttpMethod method, string path, object? body, string? etag, CancellationToken cancellationToken)
    {
        using var request = await Request(method, path, cancellationToken);
        if (body is not null) request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        if (etag is not null) request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag.StartsWith('"') ? etag : $"\"{etag}\""));
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            return await Read<T>(response, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new ApiResult<T>(default, null, new Problem(503, "gateway.unreachable", "The program's services cannot be reached right now.", null));
        }
    }

    private async Task<HttpRequestMessage> Request(HttpMethod method, string path, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(method, new Uri(path.TrimStart('/'), UriKind.Relative));
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        if (user.FindFirst(SessionTokens.SessionClaim)?.Value is { } session && await tokens.AccessToken(session, cancellationToken) is { } token)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private static async Task<ApiResult<T>> Read<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode) return new ApiResult<T>(default, null, await ProblemOf(response, cancellationToken));
        var etag = response.Headers.ETag?.Tag;
        if (response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0) return new ApiResult<T>(default, etag, null);
        return new ApiResult<T>(await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken), etag, null);
    }

    private static async Task<Problem> ProblemOf(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Json, cancellationToken);
            string? Text(string name) => problem.ValueKind == JsonValueKind.Object && problem.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            return new Problem(status, Text("code") ?? $"http.{status}", Text("title") ?? response.ReasonPhrase ?? "The request failed.", Text("detail"))
            {
                Errors = FieldErrors(problem),
            };
        }
        catch (JsonException)
        {
            return new Problem(status, $"http.{status}", response.ReasonPhrase ?? "The request failed.", null);
        }
    }

    private static List<FieldError> FieldErrors(JsonElement problem)
    {
        if (problem.ValueKind != JsonValueKind.Object || !problem.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Array) return [];
        static string Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : "";
        // Field errors are objects (field, code, message); a refused bank statement lists its schema errors as plain text.
        return [.. errors.EnumerateArray().Select(e => e.ValueKind switch
        {
            JsonValueKind.Object => new FieldError(Text(e, "field"), Text(e, "code"), Text(e, "message")),
            JsonValueKind.String => new FieldError("", "", e.GetString() ?? ""),
            _ => new FieldError("", "", e.ToString()),
        })];
    }
}
