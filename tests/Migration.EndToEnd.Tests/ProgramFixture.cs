using Migration.Testing.Hosting;

namespace Migration.EndToEnd.Tests;

/// <summary>One running system (four services and the gateway as processes) shared by the end-to-end classes.</summary>
public sealed class ProgramFixture : IAsyncLifetime
{
    public ProgramSystem System { get; private set; } = null!;

    public async Task InitializeAsync() => System = await ProgramSystem.Start("e2e");

    public async Task DisposeAsync()
    {
        if (System is not null) await System.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ProgramRun : ICollectionFixture<ProgramFixture>
{
    public const string Name = "program";
}
