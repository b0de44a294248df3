using JasperFx;
using Marten;
using Migration.RelocationCase.Settlements;
using Weasel.Core;

namespace Migration.RelocationCase;

/// <summary>
/// The service's document mappings for a store opened outside the service (tests, tools): the same schema, serializer
/// and views as <see cref="Extensions.AddRelocationCase"/>. The caller adds the connection and decides whether schema
/// objects may be created.
/// </summary>
public static class RelocationCaseStore
{
    public static StoreOptions Configure(StoreOptions options)
    {
        options.DatabaseSchemaName = RelocationCaseService.Name.Replace('-', '_');
        options.UseSystemTextJsonForSerialization(EnumStorage.AsString);
        options.AutoCreateSchemaObjects = AutoCreate.None;
        options.Schema.For<KnownSettlement>().Index(s => s.Oblast);
        options.AddRelocationViews();
        Cases.CasePayments.Map(options);
        return options;
    }
}
