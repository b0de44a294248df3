using Marten;

namespace Migration.Registry.Households;

/// <summary>
/// <see cref="HouseholdMoved"/> as the registry stored it before version 2 (type name <c>household_moved</c>): without the
/// oblast the household left. Those events stay as they were written; reading one gives a version 2 event whose
/// <c>FromOblast</c> is the oblast part of the KATO code the household left (its first two digits), which is what the code
/// meant in the edition of the day.
/// </summary>
public sealed record HouseholdMovedV1(Guid HouseholdId, string FromKato, string ToKato, string ToOblast, DateOnly ArrivedOn, Guid? CaseId)
{
    public const string StoredName = "household_moved";

    public HouseholdMoved Upcast() =>
        new(HouseholdId, FromKato, FromKato[..2], ToKato, ToOblast, ArrivedOn, CaseId);

    /// <summary>New moves are stored as <c>household_moved_v2</c>; old ones are read through <see cref="Upcast"/>.</summary>
    public static void Map(StoreOptions options)
    {
        options.Events.MapEventTypeWithSchemaVersion<HouseholdMoved>(2);
        options.Events.Upcast<HouseholdMovedV1, HouseholdMoved>(StoredName, old => old.Upcast());
    }
}
