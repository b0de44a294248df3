namespace Migration.ServiceDefaults;

/// <summary>The name of the service this process runs (its gateway cluster, its database, its scope area).</summary>
public sealed record RunningService(string Name);
