using Migration.Testing.Hosting;

namespace Migration.Registry.Tests;

/// <summary>The registry as a real process, collecting every registry contract it publishes.</summary>
public sealed class RegistryFixture() : ServiceUnderTest(RegistryService.Name, "services/Migration.Registry", "Migration.Contracts.Registry");

[CollectionDefinition(Name)]
public sealed class RegistryRun : ICollectionFixture<RegistryFixture>
{
    public const string Name = "registry";
}
