using Migration.Identifiers;
using Migration.Registry.Households;
using Migration.ServiceDefaults.Http;
using Migration.ServiceDefaults.Importing;
using Migration.ServiceDefaults.Problems;

namespace Migration.Registry.Importing;

/// <summary>A household read from its rows, ready to be registered: checked by the same rules as the API's registration.</summary>
public sealed record HouseholdDraft(KatoCode Settlement, IReadOnlyList<Person> Members, Contact? Contact, IReadOnlyList<int> Lines, int LastLine);

/// <summary>
/// Turns a household's rows into a <see cref="HouseholdDraft"/>: each row a member checked by <see cref="MemberValidation"/>,
/// the household by <see cref="RegisteringHousehold.ValidateMemberList"/>. A household is imported whole or not at all:
/// when one row is refused, the household's other rows are refused with <see cref="Incomplete"/>.
/// </summary>
public static class HouseholdRow
{
    public const string Incomplete = "import.household-incomplete";
    public const string Inconsistent = "import.household-inconsistent";
    public const string TooMany = "too-many";

    /// <summary>The draft, or null with every row of the household rejected in <paramref name="batch"/>.</summary>
    public static HouseholdDraft? Read(HouseholdRows household, CsvColumns columns, ImportBatch batch)
    {
        if (household.Overflow.Count > 0)
        {
            var size = household.Rows.Count + household.Overflow.Count;
            foreach (var line in household.Lines)
                batch.Reject(line, "householdRef", TooMany, $"A household has at most {RegisteringHousehold.MaxMembers} members; this one has {size} rows.");
            return null;
        }

        var rows = household.Rows;
        var settlementKato = columns.Get(rows[0], "settlementKato");
        var errors = rows.Select(_ => new ValidationErrors()).ToList();
        var members = new List<Person>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            if (Member(columns, rows[i], errors[i]) is { } person) members.Add(person);
            var kato = columns.Get(rows[i], "settlementKato");
            if (kato is null) errors[i].Add("settlementKato", "required", "'settlementKato' is required.");
            else if (kato != settlementKato) errors[i].Add("settlementKato", Inconsistent, "All rows of a household must name the same settlement.");
        }

        if (!KatoCode.TryParse(settlementKato, out var settlement) && settlementKato is not null)
            errors[0].Add("settlementKato", "kato.format", "'settlementKato' must be the 9-digit KATO code of a certified settlement.");
        var contactIndex = ContactRow(columns, rows);
        var contact = contactIndex < 0 ? null : Contact(columns, rows[contactIndex], errors[contactIndex]);

        if (errors.Any(e => !e.IsEmpty))
        {
            var first = rows[errors.FindIndex(e => !e.IsEmpty)].Line;
            for (var i = 0; i < rows.Count; i++)
            {
                if (!errors[i].IsEmpty) batch.Reject(rows[i].Line, errors[i].Errors);
                else batch.Reject(rows[i].Line, "householdRef", Incomplete, $"Line {first} of this household was refused; a household is imported whole or not at all.");
            }

            return null;
        }

        var rules = new ValidationErrors();
        RegisteringHousehold.ValidateMemberList(members, rules);
        if (!rules.IsEmpty)
        {
            var refusals = rules.Errors.Select(e => e with { Field = e.Code == "household.one-head" ? "relationship" : "iin" }).ToList();
            foreach (var row in rows) batch.Reject(row.Line, refusals);
            return null;
        }

        return new HouseholdDraft(settlement!.Value, members, contact, [.. rows.Select(r => r.Line)], rows[^1].Line);
    }

    /// <summary>The row the household's phone and address come from: the head's when it gives them, else the first that does; -1 for none.</summary>
    private static int ContactRow(CsvColumns columns, IReadOnlyList<CsvRecord> rows)
    {
        var found = -1;
        for (var i = 0; i < rows.Count; i++)
        {
            if (columns.Get(rows[i], "phone") is null && columns.Get(rows[i], "address") is null) continue;
            if (WireNames.TryParse<Relationship>(columns.Get(rows[i], "relationship"), out var relationship) && relationship == Relationship.Head) return i;
            if (found < 0) found = i;
        }

        return found;
    }

    private static Person? Member(CsvColumns columns, CsvRecord row, ValidationErrors errors)
    {
        string? Get(string column) => columns.Get(row, column);
        var request = new PersonRequest(
            Get("iin"), Get("lastName"), Get("firstName"), Get("patronymic"), CsvValues.Date(Get("birthDate"), "birthDate", errors),
            Get("sex"), Get("relationship"), Get("employment"), Get("occupation"), Get("disability"));
        var validation = new ValidationErrors();
        var person = MemberValidation.Validate(request, "row", validation);
        Merge(validation, errors);
        return errors.IsEmpty ? person : null;
    }

    private static Contact? Contact(CsvColumns columns, CsvRecord row, ValidationErrors errors)
    {
        var request = new ContactRequest(columns.Get(row, "phone"), columns.Get(row, "address"));
        var validation = new ValidationErrors();
        var contact = MemberValidation.Validate(request, validation);
        Merge(validation, errors);
        return contact;
    }

    /// <summary>Adds the API's errors under the file's column names; a value that could not be parsed is reported once.</summary>
    private static void Merge(ValidationErrors from, ValidationErrors into)
    {
        foreach (var error in from.Errors)
        {
            var column = error.Field[(error.Field.LastIndexOf('.') + 1)..];
            if (!into.Errors.Any(e => e.Field == column)) into.Add(column, error.Code, error.Message);
        }
    }
}
