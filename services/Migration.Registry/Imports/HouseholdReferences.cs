namespace Migration.Registry.Importing;

/// <summary>
/// The references of the households a job has read, to refuse a reference that comes back after its household ended.
/// Kept as 64-bit hashes (FNV-1a): about 20 bytes per household, so a file of a million people costs a few megabytes.
/// </summary>
public sealed class HouseholdReferences
{
    private const ulong Offset = 14695981039346656037, Prime = 1099511628211;
    private readonly HashSet<ulong> _seen = [];

    /// <summary>False when <paramref name="reference"/> was read before.</summary>
    public bool Add(string reference)
    {
        var hash = Offset;
        foreach (var c in reference)
        {
            hash = (hash ^ (byte)c) * Prime;
            hash = (hash ^ (byte)(c >> 8)) * Prime;
        }

        return _seen.Add(hash);
    }
}
