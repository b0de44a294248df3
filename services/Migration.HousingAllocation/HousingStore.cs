using JasperFx;
using JasperFx.Events;
using Marten;
using Migration.HousingAllocation.Allocation;
using Migration.HousingAllocation.Destinations;
using Migration.HousingAllocation.Importing;
using Migration.HousingAllocation.Stock;
using Migration.ServiceDefaults.Messaging;
using Weasel.Core;

namespace Migration.HousingAllocation;

/// <summary>The service's documents and projections, shared by the service and by stores opened outside it (tests, tools).</summary>
public static class HousingStore
{
    public static void AddHousing(this StoreOptions options)
    {
        options.Schema.For<DestinationSettlement>().Index(d => d.Oblast);
        options.Projections.Add<HousingUnitProjection>(JasperFx.Events.Projections.ProjectionLifecycle.Inline);
        options.Projections.Add<PlacementProjection>(JasperFx.Events.Projections.ProjectionLifecycle.Inline);
        options.Schema.For<HousingUnit>().Index(u => u.SettlementKato).Index(u => u.Oblast);
        options.Schema.For<Placement>().Index(p => p.SettlementKato);
        options.Schema.For<EndedCase>();
        options.AddImports();
    }

    /// <summary>
    /// A store opened outside the service on its database: the same schema, serializer, append mode, metadata and
    /// projections as the service (so that what it appends is what the service would append). It creates no schema objects.
    /// </summary>
    public static StoreOptions Configure(StoreOptions options)
    {
        options.DatabaseSchemaName = HousingService.Name.Replace('-', '_');
        options.UseSystemTextJsonForSerialization(EnumStorage.AsString);
        options.AutoCreateSchemaObjects = AutoCreate.None;
        options.Events.AppendMode = EventAppendMode.Quick;
        options.Events.MetadataConfig.EnableAll();
        options.Events.MetadataConfig.UserNameEnabled = true;
        options.Schema.For<HandledMessage>().Identity(m => m.Id);
        options.AddHousing();
        return options;
    }
}
