using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Migration.ProgramRun.Driver;

/// <summary>
/// The only door the driver uses: the gateway, with a client-credentials token per user (client id). Each client keeps
/// below the gateway's per-client rate limit by pacing its own requests, and a 429 is answered by waiting Retry-After.
/// A request that fails on the way (a connection refused or cut, a 502/503/504 while an instance restarts or a database
/// is down, a 409 while the first try of the same key still holds it) is tried again with a growing pause for up to
/// <see cref="RetryFor"/>; every POST and PUT carries an <c>Idempotency-Key</c> derived from the run and the logical
/// request, so a retry of a request that did reach the service before the answer was lost is answered, not applied again.
/// </summary>
public sealed class Gateway : IDisposable
{
    /// <summary>The secret of the demo clients (Development): one client per role, named after it.</summary>
    public const string DemoSecret = "dev-secret";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly HttpClient http;
    private readonly ConcurrentDictionary<string, string> secrets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CachedToken> tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Pacer> pacers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> sent = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Retry> retries = new();
    private readonly TimeSpan interval;
    private readonly string run;

    /// <param name="address">The gateway.</param>
    /// <param name="permitsPerWindow">The gateway's <c>Gateway:RateLimits</c> per client; the driver uses 90% of it.</param>
    /// <param name="window">The window of that limit.</param>
    /// <param name="runKey">What makes this run's idempotency keys its own (a new one per gateway object by default).</param>
    public Gateway(Uri address, int permitsPerWindow = 1000, TimeSpan? window = null, string? runKey = null)
    {
        // Longer than the gateway's longest route timeout (3 min, batching 5,000 payments): the gateway answers 504
        // first, and a request is never abandoned while the service is still working on it.
        http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(4) };
        interval = (window ?? TimeSpan.FromSeconds(10)) / (permitsPerWindow * 0.9);
        run = runKey ?? Guid.NewGuid().ToString("N")[..12];
    }

    public Uri Address => http.BaseAddress!;

    /// <summary>How long a request is tried again while the way to the service or its servers fail: longer than a database restart.</summary>
    public TimeSpan RetryFor { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Requests sent, for the report's throughput figure.</summary>
    public long Requests => Interlocked.Read(ref requests);

    /// <summary>Every request tried again because the way failed, with why and when.</summary>
    public IReadOnlyCollection<Retry> Retries => retries;

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
        var content = raw ?? (body is null ? null : (JsonSerializer.SerializeToUtf8Bytes(body, Json), "application/json"));
        if (idempotencyKey is null && (method == HttpMethod.Post || method == HttpMethod.Put))
            idempotencyKey = KeyOf(client, method, path, ifMatch, content?.Item1);
        var deadline = DateTimeOffset.UtcNow + RetryFor;
        var pause = TimeSpan.FromMilliseconds(200);
        for (var attempt = 1; ; attempt++)
        {
            await pacers.GetOrAdd(client, _ => new Pacer(interval)).Wait(cancellationToken);
            using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
            if (content is { } c)
            {
                request.Content = new ByteArrayContent(c.Item1);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue(c.Item2);
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
            catch (Exception e) when (IsWayFailure(e, cancellationToken) && DateTimeOffset.UtcNow < deadline)
            {
                pause = await Again(what, e is HttpRequestException ? "connection" : "timeout", pause, null, cancellationToken);
                continue;
            }

            using (response)
            {
                if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt < 20)
                {
                    await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1), cancellationToken);
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
                var reply = new Reply(response.StatusCode, json, response.Headers.ETag?.ToString(), bytes, what);
                if (reply.IsSuccess && bytes.Length == 0 && response.Headers.Contains("Idempotent-Replayed") && response.Headers.Location is { } location)
                {
                    // The first answer was too large for the service to keep: read what it created where it says.
                    var created = await Send(client, HttpMethod.Get, location.ToString(), null, null, cancellationToken);
                    return created with { Status = reply.Status };
                }

                if (IsPassing(reply) && DateTimeOffset.UtcNow < deadline)
                {
                    pause = await Again(what, $"{(int)reply.Status} {reply.Code}".TrimEnd(), pause, response.Headers.RetryAfter?.Delta, cancellationToken);
                    continue;
                }

                return reply;
            }
        }
    }

    /// <summary>
    /// An answer that says nothing about the request itself: the gateway found no instance (502/504), the service's
    /// database is down (503), or the first try with this key still holds it (a killed instance's lease runs out; an
    /// upload with the same key is still arriving).
    /// </summary>
    private static bool IsPassing(Reply reply) =>
        reply.Status is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout
        || (reply.Status == HttpStatusCode.Conflict && reply.Code is "idempotency.in-progress" or "import.upload-in-progress");

    /// <summary>The connection failed or was cut, or the answer did not come in time (not the run's own cancellation).</summary>
    private static bool IsWayFailure(Exception e, CancellationToken cancellationToken) =>
        e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested);

    private async Task<TimeSpan> Again(string what, string reason, TimeSpan pause, TimeSpan? retryAfter, CancellationToken cancellationToken)
    {
        retries.Enqueue(new Retry(DateTimeOffset.UtcNow, what, reason));
        await Task.Delay(retryAfter is { } after && after > pause ? after : pause, cancellationToken);
        return TimeSpan.FromMilliseconds(Math.Min(5000, pause.TotalMilliseconds * 2));
    }

    /// <summary>
    /// The idempotency key of a logical request: the run, who sends what where with which version and body, and how many
    /// times this same request was sent before in the run (so that asking again on purpose, e.g. a second batch with the
    /// same body, is a new request); its retries keep the key.
    /// </summary>
    private string KeyOf(string client, HttpMethod method, string path, string? ifMatch, byte[]? body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{client}\n{method}\n{path}\n{ifMatch}\n"));
        if (body is not null) hash.AppendData(body);
        var request = Convert.ToHexStringLower(hash.GetHashAndReset())[..32];
        var occurrence = sent.AddOrUpdate(request, 1, (_, n) => n + 1);
        return $"program-{run}-{request}-{occurrence}";
    }

    private async Task<string> Token(string client, CancellationToken cancellationToken)
    {
        if (tokens.TryGetValue(client, out var cached) && cached.ExpiresAt > DateTimeOffset.UtcNow.AddMinutes(1)) return cached.Value;
        var (deadline, pause) = (DateTimeOffset.UtcNow + RetryFor, TimeSpan.FromMilliseconds(200));
        HttpResponseMessage response;
        while (true)
        {
            try
            {
                response = await http.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "client_credentials",
                    ["client_id"] = client,
                    ["client_secret"] = secrets.GetValueOrDefault(client, DemoSecret),
                }), cancellationToken);
            }
            catch (Exception e) when (IsWayFailure(e, cancellationToken) && DateTimeOffset.UtcNow < deadline)
            {
                pause = await Again($"token for {client}", "connection", pause, null, cancellationToken);
                continue;
            }

            if ((int)response.StatusCode < 500 || DateTimeOffset.UtcNow >= deadline) break;
            pause = await Again($"token for {client}", ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), pause, null, cancellationToken);
            response.Dispose();
        }

        using var _ = response;
        if (!response.IsSuccessStatusCode)
            throw new ProgramRunException($"No token for {client}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        var token = new CachedToken(body.GetProperty("access_token").GetString()!, DateTimeOffset.UtcNow.AddSeconds(body.GetProperty("expires_in").GetInt32()));
        tokens[client] = token;
        return token.Value;
    }

    public void Dispose() => http.Dispose();

    private sealed record CachedToken(string Value, DateTimeOffset ExpiresAt);

    /// <summary>A request tried again: when, which, and why (connection, timeout, or the status and problem code).</summary>
    public sealed record Retry(DateTimeOffset At, string What, string Reason);

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
