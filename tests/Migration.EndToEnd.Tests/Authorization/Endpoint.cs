namespace Migration.EndToEnd.Tests.Authorization;

/// <summary>
/// An operation of the API as the gateway exposes it: upper-case method and the path template without a trailing slash
/// (route groups make <c>/api/cases/</c> of <c>/api/cases</c>; the two are the same route).
/// </summary>
internal sealed record Endpoint(string Method, string Path)
{
    public static Endpoint Of(string method, string path)
    {
        var trimmed = path.Trim();
        return new Endpoint(method.Trim().ToUpperInvariant(), trimmed.Length > 1 ? trimmed.TrimEnd('/') : trimmed);
    }

    public override string ToString() => $"{Method} {Path}";
}
