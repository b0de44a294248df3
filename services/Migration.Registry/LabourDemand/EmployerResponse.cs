using Migration.ServiceDefaults.Http;

namespace Migration.Registry.LabourDemand;

/// <summary>An employer as the API shows it; entity and division type are read from the BIN itself.</summary>
public sealed record EmployerResponse(
    string Bin, string Name, string? Kato, string EntityType, string DivisionType, string RegisteredBy, DateTimeOffset RegisteredAt, long Version)
{
    public static EmployerResponse From(Employer e)
    {
        var bin = Migration.Identifiers.Bin.Parse(e.Id);
        return new EmployerResponse(e.Id, e.Name, e.Kato, bin.EntityType.ToWire(), bin.DivisionType.ToWire(), e.RegisteredBy, e.RegisteredAt, e.Version);
    }
}
