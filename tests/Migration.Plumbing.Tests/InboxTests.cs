using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Migration.ServiceDefaults.Messaging;
using Migration.Testing;

namespace Migration.Plumbing.Tests;

public sealed record Deposit(string Account, decimal Amount);

/// <summary>A consumer whose effect is not idempotent by itself: every handling appends one more event.</summary>
public sealed class DepositConsumer(IDocumentStore store, TimeProvider clock, ILogger<DepositConsumer> logger)
    : IdempotentConsumer<Deposit>(store, clock, logger)
{
    protected override Task Handle(Deposit message, IDocumentSession session, ConsumeContext<Deposit> context)
    {
        session.Events.Append(AccountStream(message.Account), message);
        return Task.CompletedTask;
    }

    public static Guid AccountStream(string account) => new(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(account)).AsSpan(0, 16));
}

public sealed record Claim(string Key);

/// <summary>A consumer whose effect is guarded by another unique key: a second claim on the same key must fail, not vanish.</summary>
public sealed class ClaimConsumer(IDocumentStore store, TimeProvider clock, ILogger<ClaimConsumer> logger)
    : IdempotentConsumer<Claim>(store, clock, logger)
{
    protected override Task Handle(Claim message, IDocumentSession session, ConsumeContext<Claim> context)
    {
        session.Insert(new ClaimedKey(message.Key));
        return Task.CompletedTask;
    }
}

public sealed record ClaimedKey(string Id);

public sealed class InboxTests : IAsyncLifetime
{
    private readonly DeliveryCounter _deliveries = new();
    private ConsumerHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await ConsumerHost.Start("inbox", bus =>
        {
            bus.AddConsumer<DepositConsumer>();
            bus.AddConsumer<ClaimConsumer>();
        });
        _host.Bus.ConnectConsumeObserver(_deliveries);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_message_delivered_twice_has_one_effect()
    {
        var messageId = Guid.NewGuid();
        var deposit = new Deposit("twice-" + messageId, 100m);

        await _host.Bus.Publish(deposit, context => context.MessageId = messageId);
        await Eventually.True(() => _deliveries.Consumed(messageId) == 1, "the first delivery");
        await _host.Bus.Publish(deposit, context => context.MessageId = messageId);
        await Eventually.True(() => _deliveries.Consumed(messageId) == 2, "the redelivery");

        Assert.Equal(1, await EffectsOn(deposit.Account));
        Assert.NotNull(await Handled(messageId));
    }

    [Fact]
    public async Task Concurrent_duplicates_still_have_one_effect()
    {
        var messageId = Guid.NewGuid();
        var deposit = new Deposit("racing-" + messageId, 5m);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _host.Bus.Publish(deposit, context => context.MessageId = messageId)));
        await Eventually.True(() => _deliveries.Consumed(messageId) + _deliveries.Faulted(messageId) >= 8, "all eight deliveries");

        Assert.Equal(1, await EffectsOn(deposit.Account));
    }

    [Fact]
    public async Task Distinct_messages_each_have_their_effect()
    {
        var ids = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToList();

        await Task.WhenAll(ids.Select(id => _host.Bus.Publish(new Deposit("distinct-" + id, 1m), context => context.MessageId = id)));
        await Eventually.True(() => ids.All(id => _deliveries.Consumed(id) == 1), "every deposit");

        foreach (var id in ids) Assert.Equal(1, await EffectsOn("distinct-" + id));
    }

    [Fact]
    public async Task A_conflict_on_another_unique_key_is_a_failure_not_a_duplicate()
    {
        var key = "claim-" + Guid.NewGuid();
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());

        await _host.Bus.Publish(new Claim(key), context => context.MessageId = first);
        await Eventually.True(() => _deliveries.Consumed(first) == 1, "the first claim");
        await _host.Bus.Publish(new Claim(key), context => context.MessageId = second);
        await Eventually.True(async () => await _host.Isolation.QueueDepth("inbox-claim_error") == 1, "the second claim in the error queue");

        await using var session = _host.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        Assert.NotNull(await session.LoadAsync<HandledMessage>(HandledMessage.KeyOf(nameof(ClaimConsumer), first)));
        Assert.Null(await session.LoadAsync<HandledMessage>(HandledMessage.KeyOf(nameof(ClaimConsumer), second)));
    }

    private async Task<int> EffectsOn(string account)
    {
        await using var session = _host.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return (await session.Events.FetchStreamAsync(DepositConsumer.AccountStream(account))).Count;
    }

    private async Task<HandledMessage?> Handled(Guid messageId)
    {
        await using var session = _host.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.LoadAsync<HandledMessage>(HandledMessage.KeyOf(nameof(DepositConsumer), messageId));
    }
}
