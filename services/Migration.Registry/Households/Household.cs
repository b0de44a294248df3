using Marten.Events.Aggregation;

namespace Migration.Registry.Households;

/// <summary>A registered household: where it lives and who belongs to it.</summary>
public sealed record Household(string Id, string SettlementKato, string Oblast, IReadOnlyList<Person> Members, Contact? Contact, DateTimeOffset RegisteredAt)
{
    /// <summary>The stream version, kept by Marten; sent as the ETag.</summary>
    public long Version { get; init; }

    public Person Head => Members.Single(m => m.Relationship == Relationship.Head);

    public int Size => Members.Count;

    public bool Has(string iin) => Members.Any(m => m.Iin == iin);

    public IReadOnlyList<Person> With(Person member) => [.. Members, member];

    public IReadOnlyList<Person> Without(string iin) => [.. Members.Where(m => m.Iin != iin)];

    /// <summary>The members after <paramref name="newHead"/> becomes head; the former head becomes 'other' until corrected.</summary>
    public IReadOnlyList<Person> WithHead(string newHead) =>
        [.. Members.Select(m => m.Iin == newHead ? m with { Relationship = Relationship.Head } : m.Relationship == Relationship.Head ? m with { Relationship = Relationship.Other } : m)];
}

public partial class HouseholdProjection : SingleStreamProjection<Household, string>
{
    public Household Create(JasperFx.Events.IEvent<HouseholdRegistered> e) =>
        new(e.Data.HouseholdId.ToString(), e.Data.SettlementKato, e.Data.Oblast, e.Data.Members, e.Data.Contact, e.Timestamp);

    public Household Apply(HouseholdMemberAdded e, Household current) => current with { Members = e.MembersAfter };

    public Household Apply(HouseholdMemberRemoved e, Household current) => current with { Members = e.MembersAfter };

    public Household Apply(HouseholdHeadChanged e, Household current) => current with { Members = e.MembersAfter };

    public Household Apply(HouseholdContactChanged e, Household current) => current with { Contact = e.Contact };

    public Household Apply(HouseholdMoved e, Household current) => current with { SettlementKato = e.ToKato, Oblast = e.ToOblast };
}
