using System.Collections.Concurrent;
using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Migration.ServiceDefaults.Messaging;
using Migration.Testing;

namespace Migration.Plumbing.Tests;

public sealed record Instruction(string Text);

/// <summary>Fails on every attempt to handle a poisoned instruction, as a consumer does on data it cannot process.</summary>
public sealed class InstructionConsumer(IDocumentStore store, TimeProvider clock, ILogger<InstructionConsumer> logger, PoisonLog poison)
    : IdempotentConsumer<Instruction>(store, clock, logger)
{
    protected override Task Handle(Instruction message, IDocumentSession session, ConsumeContext<Instruction> context)
    {
        if (message.Text.StartsWith("poison", StringComparison.Ordinal))
        {
            poison.Attempts.AddOrUpdate(context.MessageId!.Value, 1, (_, n) => n + 1);
            throw new InvalidOperationException($"Cannot carry out '{message.Text}'.");
        }

        session.Events.Append(Guid.NewGuid(), message);
        return Task.CompletedTask;
    }
}

public sealed class PoisonLog
{
    public ConcurrentDictionary<Guid, int> Attempts { get; } = new();
}

public sealed class PoisonMessageTests : IAsyncLifetime
{
    private const string Queue = "poison-instruction";
    private readonly PoisonLog _poison = new();
    private readonly DeliveryCounter _deliveries = new();
    private ConsumerHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await ConsumerHost.Start("poison", bus => bus.AddConsumer<InstructionConsumer>(), services => services.AddSingleton(_poison));
        _host.Bus.ConnectConsumeObserver(_deliveries);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_poison_message_ends_in_the_error_queue_after_its_retries_and_the_consumer_keeps_working()
    {
        var poisonId = Guid.NewGuid();
        var goodId = Guid.NewGuid();

        await _host.Bus.Publish(new Instruction("poison pill"), context => context.MessageId = poisonId);
        await _host.Bus.Publish(new Instruction("carry on"), context => context.MessageId = goodId);

        await Eventually.True(() => _deliveries.Consumed(goodId) == 1, "the good message after the poison one");
        await Eventually.True(async () => await _host.Isolation.QueueDepth(Queue + "_error") == 1, "the poison message in the error queue");

        // One first attempt and three retries (the intervals configured), then no more.
        Assert.Equal(4, _poison.Attempts[poisonId]);
        Assert.Equal(0, await _host.Isolation.QueueDepth(Queue));
        await using var session = _host.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        Assert.Null(await session.LoadAsync<HandledMessage>(HandledMessage.KeyOf(nameof(InstructionConsumer), poisonId)));
        Assert.NotNull(await session.LoadAsync<HandledMessage>(HandledMessage.KeyOf(nameof(InstructionConsumer), goodId)));
    }
}
