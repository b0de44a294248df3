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
    /// <summary>The service's database, with its document mappings (<see cref="RelocationCaseStore"/>).</summary>
    public IDocumentStore Store { get; private set; } = null!;

    protected override Task Started()
    {
        Store = DocumentStore.For(options =>
        {
            RelocationCaseStore.Configure(options);
            options.Connection(Isolation.Database(RelocationCaseService.Name));
        });
        return Task.CompletedTask;
    }

    protected override void Stopping() => Store?.Dispose();

    /// <summary>Whether the consumer <paramref name="consumer"/> (its class name) has handled message <paramref name="messageId"/>.</summary>
    public async Task<bool> Handled(string consumer, Guid messageId)
    {
        await using var session = Store.QuerySession();
        return await session.LoadAsync<Migration.ServiceDefaults.Messaging.HandledMessage>(
            Migration.ServiceDefaults.Messaging.HandledMessage.KeyOf(consumer, messageId)) is not null;
    }
}

[CollectionDefinition(Name)]
public sealed class RelocationCaseRun : ICollectionFixture<RelocationCaseFixture>
{
    public const string Name = "relocation-case";
}
