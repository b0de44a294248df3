using JasperFx;
using Marten;
using Migration.SubsidyPayment.Entitlements;
using Migration.SubsidyPayment.Tariffs;
using Weasel.Core;

namespace Migration.SubsidyPayment;

/// <summary>
/// The service's document mappings for a store opened outside the service (tests, tools): the same schema, serializer
/// and documents as <see cref="Extensions.AddSubsidyPayment"/>. The caller adds the connection.
/// </summary>
public static class SubsidyPaymentStore
{
    public static StoreOptions Configure(StoreOptions options)
    {
        options.DatabaseSchemaName = SubsidyPaymentService.Name.Replace('-', '_');
        options.UseSystemTextJsonForSerialization(EnumStorage.AsString);
        options.AutoCreateSchemaObjects = AutoCreate.None;
        options.AddTariffs();
        options.Schema.For<Entitlement>().Index(e => e.HouseholdId);
        options.Schema.For<OneOffBenefitClaim>();
        return options;
    }
}
