using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Migration.ProgramRun.Driver;

/// <summary>
/// The only door the driver uses: the gateway, with a client-credentials token per user (client id). Each client keeps
/// below the gateway's per-client rate limit by pacing its own requests, and a 429 is answered by waiting Retry-After;
/// a request that fails on the way (a restart, 502/503) is tried again a few times.
/// </summary>
public sealed class Gateway : IDisposable
{
    /// <summary>The secret of the demo clients (Development): one client per role, named after it.</summary>
    public const string DemoSecret = "dev-secret";

    private readonly HttpClient http;
    private readonly ConcurrentDictionary<string, string> secrets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CachedToken> tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Pacer> pacers = new(StringComparer.Ordinal);
    private readonly TimeSpan interval;

    /// <param name="permitsPerWindow">The gateway's <c>Gateway:RateLimits</c> per client; the driver uses 90% of it.</param>
    public Gateway(Uri address, int permitsPerWindow = 1000, TimeSpan? window = null)
    {
        http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        interval = (window ?? TimeSpan.FromSeconds(10)) / (permitsPerWindow * 0.9);
    }

    public Uri Address => http.BaseAddress!;

    /// <summary>Requests sent, for the report's throughput figure.</summary>
    public long Requests => Interlocked.Read(ref requests);

    private long requests;

    /// <summary>Waits until the gateway and every service behind it answer ready.</summary>
    public async Task WaitUntilReady(CancellationToken cancellationToken, TimeSpan? timeout = null) =>
        await Eventually.True(async () =>
        {
            try
            {
                using var ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative), cancellationToken);
                return ready.IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, $"{Address}health/ready", cancellationToken, timeout ?? TimeSpan.FromMinutes(3));

    /// <summary>A client the admin registered, with the secret the identity service showed once.</summary>
    public void Know(string clientId, string secret)
    {
        secrets[clientId] = secret;
        tokens.TryRemove(clientId, out _);
    }

    public Task<Reply> Get(string client, string path, CancellationToken cancellationToken) =>
        Send(client, HttpMethod.Get, path, null, null, cancellationToken);

    public Task<Reply> Post(string client, string path, object? body, CancellationToken cancellationToken, string? ifMatch = null) =>
        Send(client, HttpMethod.Post, path, body, ifMatch, cancellationToken);

    public Task<Reply> Put(string client, string path, object? body, CancellationToken cancellationToken, string? ifMatch = null) =>
        Send(client, HttpMethod.Put, path, body, ifMatch, cancellationToken);

    /// <summary>Sends a JSON body (or <paramref name="raw"/> as it is) as <paramref name="client"/>.</summary>
    public async Task<Reply> Send(
        string client, HttpMethod method, string path, object? body, string? ifMatch, CancellationToken cancellationToken,
        string? idempotencyKey = null, (byte[] Bytes, string MediaType)? raw = null)
    {
        var what = $"{method} {path} as {client}";
        for (var attempt = 1; ; attempt++)
        {
            await pacers.GetOrAdd(client, _ => new Pacer(interval)).Wait(cancellationToken);
            using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
            if (raw is { } r)
            {
                request.Content = new ByteArrayContent(r.Bytes);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue(r.MediaType);
            }
            else if (body is not null)
            {
                request.Content = JsonContent.Create(body);
            }

            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await Token(client, cancellationToken));
            if (ifMatch is not null) request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
            if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
            Interlocked.Increment(ref requests);
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException) when (attempt < 5)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), cancellationToken);
                continue;
            }

            using (response)
            {
                if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt < 20)
                {
                    await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1), cancellationToken);
                    continue;
                }

                if (response.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout && attempt < 5)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(300 * attempt), cancellationToken);
                    continue;
                }

                if (response.StatusCode == HttpStatusCode.Unauthorized && attempt < 2)
                {
                    tokens.TryRemove(client, out _);
                    continue;
                }

                var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                var json = default(JsonElement);
                if (bytes.Length > 0 && response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true)
                    json = JsonDocument.Parse(bytes).RootElement.Clone();
                return new Reply(response.StatusCode, json, response.Headers.ETag?.ToString(), bytes, what);
            }
        }
    }

    private async Task<string> Token(string client, CancellationToken cancellationToken)
    {
        if (tokens.TryGetValue(client, out var cached) && cached.ExpiresAt > DateTimeOffset.UtcNow.AddMinutes(1)) return cached.Value;
        using var response = await http.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = client,
            ["client_secret"] = secrets.GetValueOrDefault(client, DemoSecret),
        }), cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new ProgramRunException($"No token for {client}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        var token = new CachedToken(body.GetProperty("access_token").GetString()!, DateTimeOffset.UtcNow.AddSeconds(body.GetProperty("expires_in").GetInt32()));
        tokens[client] = token;
        return token.Value;
    }

    public void Dispose() => http.Dispose();

    private sealed record CachedToken(string Value, DateTimeOffset ExpiresAt);

    /// <summary>Spaces one client's requests evenly, so that no window of the gateway's limiter is ever full.</summary>
    private sealed class Pacer(TimeSpan interval)
    {
        private readonly Lock gate = new();
        private DateTimeOffset next = DateTimeOffset.MinValue;

        public Task Wait(CancellationToken cancellationToken)
        {
            DateTimeOffset slot;
            var now = DateTimeOffset.UtcNow;
            lock (gate)
            {
                slot = next > now ? next : now;
                next = slot + interval;
            }

            return slot > now ? Task.Delay(slot - now, cancellationToken) : Task.CompletedTask;
        }
    }
}
