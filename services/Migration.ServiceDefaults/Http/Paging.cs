using System.Text;
using Migration.ServiceDefaults.Problems;

namespace Migration.ServiceDefaults.Http;

/// <summary>A page of a list and the token that fetches the next one (null on the last page).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? ContinuationToken);

/// <summary>
/// Keyset paging: lists are ordered by a unique key, and the continuation token is the last key of the page, opaque to
/// callers. Pages stay correct while data is added, and cost the same at page 1 and page 10,000.
/// </summary>
public static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    public static int Limit(int? requested) => requested switch
    {
        null => DefaultLimit,
        < 1 or > MaxLimit => throw new ProblemException(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed,
            "The request is not valid", $"'limit' must be between 1 and {MaxLimit}."),
        _ => requested.Value,
    };

    /// <summary>The key after which the page starts, from the caller's continuation token.</summary>
    public static string? After(string? continuationToken)
    {
        if (string.IsNullOrEmpty(continuationToken)) return null;
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(continuationToken));
        }
        catch (FormatException)
        {
            throw new ProblemException(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed,
                "The request is not valid", "'continuationToken' is not one this service gave out.");
        }
    }

    /// <summary>Makes the page from up to <paramref name="limit"/> + 1 items read (the extra one says there is more).</summary>
    public static Page<TOut> ToPage<TIn, TOut>(IReadOnlyList<TIn> readOneMore, int limit, Func<TIn, string> key, Func<TIn, TOut> map)
    {
        var items = readOneMore.Take(limit).ToList();
        var token = readOneMore.Count > limit ? Convert.ToBase64String(Encoding.UTF8.GetBytes(key(items[^1]))) : null;
        return new Page<TOut>(items.Select(map).ToList(), token);
    }
}
