namespace Migration.Contracts.RelocationCase;

/// <summary>
/// A caseworker confirmed that the household of a relocation case arrived at its destination.
/// The registry moves the household; housing marks the unit occupied; payments may release final instalments.
/// </summary>
public sealed record MoveConfirmed(Guid CaseId, Guid HouseholdId, string OriginKato, string DestinationKato, DateOnly ArrivedOn, DateTimeOffset ConfirmedAt);
