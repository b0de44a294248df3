using JasperFx;
using Marten;
using Migration.SubsidyPayment.Budgets;
using Migration.SubsidyPayment.Disbursement;
using Migration.SubsidyPayment.Entitlements;
using Migration.SubsidyPayment.Payments;
using Migration.SubsidyPayment.Recoveries;
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
        return AddModules(options);
    }

    /// <summary>Every module's documents and projections: the table of contents of the service's store.</summary>
    public static StoreOptions AddModules(StoreOptions options) => options
        .AddTariffs()
        .AddEntitlements()
        .AddBudgets()
        .AddPayments()
        .AddDisbursement()
        .AddRecoveries();
}
