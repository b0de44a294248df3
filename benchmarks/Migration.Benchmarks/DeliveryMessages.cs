using System.Globalization;
using JasperFx.Events;
using Migration.ServiceDefaults.Messaging;
using Published = Migration.Contracts.Registry;

namespace Migration.Benchmarks;

/// <summary>
/// The domain event the benchmark's source service appends: it carries the registry's real integration contract, so the
/// message that crosses the broker has the same shape and size in the raw run and in the system's run.
/// </summary>
public sealed record BenchmarkSettlementCertified(Published.SettlementCertified Certification);

/// <summary>
/// The source service's integration event map. <c>CertifiedAt</c> is set to the event's timestamp in the store (the
/// append transaction's time), so the consumer can measure lag as "consumed − event timestamp" from the message alone.
/// </summary>
public sealed class DeliveryEventMap : IIntegrationEventMap
{
    public IReadOnlyCollection<Type> EventTypes { get; } = [typeof(BenchmarkSettlementCertified)];

    public object? ToIntegrationEvent(IEvent domainEvent) =>
        domainEvent.Data is BenchmarkSettlementCertified e ? e.Certification with { CertifiedAt = domainEvent.Timestamp } : null;
}

/// <summary>A plausible certification (one hazard, a passport, Cyrillic names): the shape and size of a real one.</summary>
public static class SampleCertification
{
    public static Published.SettlementCertified Create(int run, int index, DateTimeOffset certifiedAt) => new(
        Kato: string.Create(CultureInfo.InvariantCulture, $"{run % 10}{index:D8}"),
        Name: "Бескөл",
        NameKk: "Бескөл ауылы",
        Oblast: "59",
        District: "Кызылжарский район",
        ClimateZone: "steppe",
        PotentialClass: "low",
        PotentialScore: 31.5m,
        HasEnvironmentalHazard: true,
        Hazards: [new Published.SettlementHazard("soil-salinization", "medium")],
        Population: 1234,
        Households: 310,
        CertifiedAt: certifiedAt);
}
