using Marten;
using Migration.Testing.Hosting;

namespace Migration.SubsidyPayment.Tests;

/// <summary>
/// The subsidy-payment service as a real process, collecting every payment contract it publishes. <see cref="Store"/> reads
/// the service's documents directly (it never creates or alters schema objects).
/// </summary>
public sealed class SubsidyPaymentFixture()
    : ServiceUnderTest(SubsidyPaymentService.Name, "services/Migration.SubsidyPayment", "Migration.Contracts.SubsidyPayment")
{
    protected override Action<StoreOptions> StoreConfiguration => options => SubsidyPaymentStore.Configure(options);
}

[CollectionDefinition(Name)]
public sealed class SubsidyPaymentRun : ICollectionFixture<SubsidyPaymentFixture>
{
    public const string Name = "subsidy-payment";
}
