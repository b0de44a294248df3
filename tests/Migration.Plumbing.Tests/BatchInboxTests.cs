using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Migration.ServiceDefaults.Messaging;
using Migration.Testing;

namespace Migration.Plumbing.Tests;

public sealed record BatchedDeposit(string Account, decimal Amount);

/// <summary>A batch consumer whose effect is not idempotent by itself: every handled message appends one more event.</summary>
public sealed class BatchedDepositConsumer(IDocumentStore store, TimeProvider clock, ILogger<BatchedDepositConsumer> logger)
    : IdempotentBatchConsumer<BatchedDeposit>(store, clock, logger)
{
    private static int _largestBatch;

    /// <summary>The most messages one batch handled so far.</summary>
    public static int LargestBatch => _largestBatch;

    protected override Task Handle(IReadOnlyList<ConsumeContext<BatchedDeposit>> messages, IDocumentSession session, CancellationToken cancellationToken)
    {
        foreach (var message in messages) session.Events.Append(DepositConsumer.AccountStream(message.Message.Account), message.Message);
        int seen;
        do seen = _largestBatch;
        while (messages.Count > seen && Interlocked.CompareExchange(ref _largestBatch, messages.Count, seen) != seen);
        return Task.CompletedTask;
    }
}

/// <summary>The batch inbox: many messages in one transaction, each once, also when duplicates race.</summary>
public sealed class BatchInboxTests : IAsyncLifetime
{
    private ConsumerHost _host = null!;

    public async Task InitializeAsync() => _host = await ConsumerHost.Start("batch-inbox", bus => bus.AddIdempotentBatchConsumer<BatchedDepositConsumer>());

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_burst_of_messages_is_handled_in_batches_larger_than_the_endpoints_usual_concurrency_each_message_once()
    {
        var ids = Enumerable.Range(0, 300).Select(_ => Guid.NewGuid()).ToList();

        await Task.WhenAll(ids.Select(id => _host.Bus.Publish(new BatchedDeposit("burst-" + id, 1m), context => context.MessageId = id)));
        await Eventually.True(async () => await Handled(ids) == ids.Count, "every deposit handled");

        foreach (var id in ids.Take(20)) Assert.Equal(1, await EffectsOn("burst-" + id));
        Assert.True(BatchedDepositConsumer.LargestBatch > new MessagingSettings().ConcurrentMessageLimit,
            $"a batch of {BatchedDepositConsumer.LargestBatch} messages: the endpoint leaves room for whole batches");
    }

    [Fact]
    public async Task A_message_delivered_again_or_racing_its_duplicates_has_one_effect()
    {
        var (again, racing) = (Guid.NewGuid(), Guid.NewGuid());
        var (first, second) = (new BatchedDeposit("again-" + again, 10m), new BatchedDeposit("racing-" + racing, 5m));

        await _host.Bus.Publish(first, context => context.MessageId = again);
        await Eventually.True(async () => await Handled([again]) == 1, "the first delivery");
        await _host.Bus.Publish(first, context => context.MessageId = again);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _host.Bus.Publish(second, context => context.MessageId = racing)));
        var marker = Guid.NewGuid();
        await _host.Bus.Publish(new BatchedDeposit("marker-" + marker, 1m), context => context.MessageId = marker);
        await Eventually.True(async () => await Handled([racing, marker]) == 2 && await _host.Isolation.QueueDepth("batch-inbox-batched-deposit") == 0,
            "the duplicates and a later message handled");

        Assert.Equal(1, await EffectsOn(first.Account));
        Assert.Equal(1, await EffectsOn(second.Account));
    }

    private async Task<int> EffectsOn(string account)
    {
        await using var session = _host.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return (await session.Events.FetchStreamAsync(DepositConsumer.AccountStream(account))).Count;
    }

    private async Task<int> Handled(IReadOnlyCollection<Guid> messageIds)
    {
        await using var session = _host.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var keys = messageIds.Select(id => HandledMessage.KeyOf(nameof(BatchedDepositConsumer), id)).ToArray();
        return (await session.LoadManyAsync<HandledMessage>(keys)).Count;
    }
}
