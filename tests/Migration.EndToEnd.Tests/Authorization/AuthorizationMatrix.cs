using System.Collections.Frozen;

namespace Migration.EndToEnd.Tests.Authorization;

/// <summary>
/// The reviewed table of who may call what (<c>authorization-matrix.csv</c> beside this file): kept as a plain
/// semicolon-separated file so that a change of access shows up as a one-line diff in a pull request.
/// </summary>
internal sealed class AuthorizationMatrix
{
    public const string Anyone = "anonymous";
    public const string EveryStaffRole = "*";

    private AuthorizationMatrix(IReadOnlyList<Row> rows) => Rows = rows;

    public IReadOnlyList<Row> Rows { get; }

    /// <summary>One endpoint: who may call it, and why, where that is not obvious.</summary>
    public sealed record Row(Endpoint Endpoint, bool Anonymous, FrozenSet<string> Roles, string Note, int Line)
    {
        public bool Allows(string? role) => Anonymous || (role is not null && Roles.Contains(role));
    }

    public static AuthorizationMatrix Load() =>
        Parse(File.ReadLines(Path.Combine(RepositoryPaths.Root, "tests", "Migration.EndToEnd.Tests", "Authorization", "authorization-matrix.csv")));

    /// <summary>Rows are <c>method;path;roles;note</c>; blank lines, <c>#</c> comments and the header are skipped.</summary>
    public static AuthorizationMatrix Parse(IEnumerable<string> lines)
    {
        var rows = new List<Row>();
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line) || line.StartsWith('#') || line.StartsWith("method;", StringComparison.Ordinal)) continue;
            var fields = line.Split(';');
            if (fields.Length < 3) throw new FormatException($"authorization-matrix.csv line {number}: expected method;path;roles;note, got '{line}'.");
            var roles = fields[2].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var unknown = roles.Where(r => r != Anyone && r != EveryStaffRole && !Callers.Roles.Contains(r)).ToList();
            if (unknown.Count > 0) throw new FormatException($"authorization-matrix.csv line {number}: unknown role(s) {string.Join(", ", unknown)}.");
            var allowed = roles.Contains(EveryStaffRole) ? Callers.Roles : roles.Where(r => r != Anyone);
            rows.Add(new Row(Endpoint.Of(fields[0], fields[1]), roles.Contains(Anyone), allowed.ToFrozenSet(StringComparer.Ordinal),
                fields.Length > 3 ? fields[3].Trim() : "", number));
        }

        var doubled = rows.GroupBy(r => r.Endpoint).Where(g => g.Count() > 1).Select(g => $"{g.Key} (lines {string.Join(", ", g.Select(r => r.Line))})").ToList();
        if (doubled.Count > 0) throw new FormatException($"authorization-matrix.csv names endpoints twice: {string.Join("; ", doubled)}.");
        return new AuthorizationMatrix(rows);
    }
}
