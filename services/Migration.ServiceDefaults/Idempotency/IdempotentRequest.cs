using System.Security.Cryptography;
using System.Text;

namespace Migration.ServiceDefaults.Idempotency;

/// <summary>
/// One request carrying an <c>Idempotency-Key</c>: who sent it where, with which key, and the hash of its body.
/// The key is scoped to the caller, method and path, so two callers (or two endpoints) never share a record.
/// </summary>
public sealed record IdempotentRequest(string Caller, string Method, string Path, string Key, string BodyHash)
{
    /// <summary>The record id: a hash of the scope, so that long paths and keys make a short, fixed-length key.</summary>
    public string RecordId => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{Caller}\n{Method}\n{Path}\n{Key}")));

    /// <summary>The hex SHA-256 of a request body, read to the end.</summary>
    public static async Task<string> HashBody(Stream body, CancellationToken cancellationToken) =>
        Convert.ToHexStringLower(await SHA256.HashDataAsync(body, cancellationToken));
}
