using Marten.Events.Aggregation;

namespace Migration.Registry.LabourDemand;

/// <summary>A registry clerk or an integrator registered an employer under its BIN (the stream key).</summary>
public sealed record EmployerRegistered(string Bin, string Name, string? Kato, string By, DateTimeOffset At);

/// <summary>An employer as the registry knows it: a stream per employer keyed by BIN.</summary>
/// <param name="Id">The BIN.</param>
/// <param name="Kato">The KATO code of the settlement or district of the head office, when given.</param>
public sealed record Employer(string Id, string Name, string? Kato, string RegisteredBy, DateTimeOffset RegisteredAt)
{
    /// <summary>The stream version, kept by Marten; sent as the ETag.</summary>
    public long Version { get; init; }
}

public partial class EmployerProjection : SingleStreamProjection<Employer, string>
{
    public Employer Create(EmployerRegistered e) => new(e.Bin, e.Name, e.Kato, e.By, e.At);
}
