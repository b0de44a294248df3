namespace Migration.Web.Gateway.Models;

/// <summary>A page of a list and the token of the next one, as every list endpoint answers.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? ContinuationToken);
