using System.Net;
using System.Text.Json;

namespace Migration.ProgramRun.Driver;

/// <summary>An answer of the gateway: status, the JSON body (undefined when there is none), the ETag and the raw bytes.</summary>
public sealed record Reply(HttpStatusCode Status, JsonElement Body, string? ETag, byte[] Raw, string What)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;

    /// <summary>The problem's stable <c>code</c> (see docs/api.md), or null.</summary>
    public string? Code => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("code", out var code) ? code.GetString() : null;

    /// <summary>Whether the problem is <paramref name="code"/>, as its code or as one of its field errors.</summary>
    public bool Names(string code) => Code == code || (Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("errors", out var errors)
        && errors.ValueKind == JsonValueKind.Array && errors.EnumerateArray().Any(e => e.TryGetProperty("code", out var c) && c.GetString() == code));

    /// <summary>This answer when it is one of <paramref name="expected"/> (a success by default), else an exception naming the call.</summary>
    public Reply Expect(params HttpStatusCode[] expected)
    {
        if (expected.Length == 0 ? IsSuccess : expected.Contains(Status)) return this;
        throw new ProgramRunException($"{What} answered {(int)Status} {Code}: {System.Text.Encoding.UTF8.GetString(Raw.AsSpan(0, Math.Min(600, Raw.Length)))}");
    }

    public Guid Id => Body.GetProperty("id").GetGuid();
}

/// <summary>The run could not go on: an answer it did not expect, or a condition that did not come true in time.</summary>
public sealed class ProgramRunException : Exception
{
    public ProgramRunException()
    {
    }

    public ProgramRunException(string message) : base(message)
    {
    }

    public ProgramRunException(string message, Exception inner) : base(message, inner)
    {
    }
}
