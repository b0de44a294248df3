using Migration.Testing.Hosting;

namespace Migration.EndToEnd.Tests;

/// <summary>One running system (four services and the gateway as processes) shared by the end-to-end classes.</summary>
public sealed class ProgramFixture : IAsyncLifetime
{
    public ProgramSystem System { get; private set; } = null!;

    /// <summary>The origin of the program's web application, the only one the gateway lets browsers call from.</summary>
    public const string WebOrigin = "https://web.migration.test";

    public async Task InitializeAsync() =>
        System = await ProgramSystem.Start("e2e", new Dictionary<string, string> { ["Gateway:WebOrigin"] = WebOrigin });

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
