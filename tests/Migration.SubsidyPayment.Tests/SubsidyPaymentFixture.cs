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
    /// <summary>The service's database, with its document mappings (<see cref="SubsidyPaymentStore"/>).</summary>
    public IDocumentStore Store { get; private set; } = null!;

    protected override Task Started()
    {
        Store = DocumentStore.For(options =>
        {
            SubsidyPaymentStore.Configure(options);
            options.Connection(Isolation.Database(SubsidyPaymentService.Name));
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
public sealed class SubsidyPaymentRun : ICollectionFixture<SubsidyPaymentFixture>
{
    public const string Name = "subsidy-payment";
}
