using Marten;
using Migration.Testing.Hosting;

namespace Migration.RelocationCase.Tests;

/// <summary>
/// The relocation-case service as a real process, collecting every case contract it publishes. <see cref="Store"/> reads
/// the service's documents directly (it never creates or alters schema objects).
/// </summary>
public sealed class RelocationCaseFixture()
    : ServiceUnderTest(RelocationCaseService.Name, "services/Migration.RelocationCase", "Migration.Contracts.RelocationCase")
{
    protected override Action<StoreOptions> StoreConfiguration => options => RelocationCaseStore.Configure(options);
}

[CollectionDefinition(Name)]
public sealed class RelocationCaseRun : ICollectionFixture<RelocationCaseFixture>
{
    public const string Name = "relocation-case";
}
