using Migration.Identifiers;
using Migration.ServiceDefaults.Http;
using Migration.ServiceDefaults.Problems;

namespace Migration.Registry.Households;

public sealed record PersonRequest(
    string? Iin,
    string? LastName,
    string? FirstName,
    string? Patronymic,
    DateOnly? BirthDate,
    string? Sex,
    string? Relationship,
    string? Employment,
    string? Occupation,
    string? Disability);

public sealed record ContactRequest(string? Phone, string? Address);

/// <summary>
/// A person's data is checked against the IIN itself: its check digit, and the birth date and sex it encodes.
/// </summary>
public static class MemberValidation
{
    private const int MaxName = 100;

    public static Person? Validate(PersonRequest request, string prefix, ValidationErrors errors)
    {
        var before = errors.Errors.Count;
        var iinCheck = Iin.Validate(request.Iin);
        if (iinCheck != IinValidation.Valid) errors.Add($"{prefix}.iin", IinCode(iinCheck), IinMessage(iinCheck));
        Name(request.LastName, $"{prefix}.lastName", required: true, errors);
        Name(request.FirstName, $"{prefix}.firstName", required: true, errors);
        Name(request.Patronymic, $"{prefix}.patronymic", required: false, errors);
        if (request.BirthDate is null) errors.Add($"{prefix}.birthDate", "required", "'birthDate' is required.");
        var sexOk = WireNames.TryParse<Sex>(request.Sex, out var sex);
        if (!sexOk) errors.Add($"{prefix}.sex", "sex.unknown", $"'sex' must be {WireNames.Choices<Sex>()}.");
        if (!WireNames.TryParse<Relationship>(request.Relationship, out var relationship))
            errors.Add($"{prefix}.relationship", "relationship.unknown", $"'relationship' must be {WireNames.Choices<Relationship>()}.");
        if (!WireNames.TryParse<EmploymentStatus>(request.Employment, out var employment))
            errors.Add($"{prefix}.employment", "employment.unknown", $"'employment' must be {WireNames.Choices<EmploymentStatus>()}.");
        var disability = Disability.None;
        if (request.Disability is not null && !WireNames.TryParse(request.Disability, out disability))
            errors.Add($"{prefix}.disability", "disability.unknown", $"'disability' must be {WireNames.Choices<Disability>()}.");
        if (request.Occupation is { Length: > MaxName }) errors.Add($"{prefix}.occupation", "too-long", $"'occupation' must be at most {MaxName} characters.");

        if (iinCheck == IinValidation.Valid && request.BirthDate is { } birthDate && sexOk)
        {
            var iin = Iin.Parse(request.Iin!);
            if (iin.BirthDate != birthDate)
                errors.Add($"{prefix}.birthDate", "iin.birth-date-mismatch", "'birthDate' does not agree with the birth date the IIN encodes.");
            if (iin.Sex != sex)
                errors.Add($"{prefix}.sex", "iin.sex-mismatch", "'sex' does not agree with the sex the IIN encodes.");
        }

        return errors.Errors.Count > before
            ? null
            : new Person(request.Iin!, request.LastName!.Trim(), request.FirstName!.Trim(), Blank(request.Patronymic), request.BirthDate!.Value,
                sex, relationship, employment, Blank(request.Occupation), disability);
    }

    public static Contact? Validate(ContactRequest? request, ValidationErrors errors)
    {
        if (request is null) return null;
        if (request.Phone is { } phone && (phone.Length > 20 || !phone.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')')))
            errors.Add("contact.phone", "phone.format", "'phone' may hold digits, spaces, +, - and brackets, at most 20 characters.");
        if (request.Address is { Length: > 300 }) errors.Add("contact.address", "too-long", "'address' must be at most 300 characters.");
        return new Contact(Blank(request.Phone), Blank(request.Address));
    }

    private static void Name(string? value, string field, bool required, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) errors.Add(field, "required", $"'{field}' is required.");
        }
        else if (value.Length > MaxName)
        {
            errors.Add(field, "too-long", $"'{field}' must be at most {MaxName} characters.");
        }
    }

    public static string IinCode(IinValidation reason) => reason switch
    {
        IinValidation.Missing => "required",
        IinValidation.NotTwelveDigits => "iin.format",
        IinValidation.UnknownCenturyDigit => "iin.century-digit",
        IinValidation.NotARealDate => "iin.birth-date",
        IinValidation.NeverIssued => "iin.never-issued",
        _ => "iin.check-digit",
    };

    private static string IinMessage(IinValidation reason) => reason switch
    {
        IinValidation.Missing => "'iin' is required.",
        IinValidation.NotTwelveDigits => "'iin' must be 12 digits.",
        IinValidation.UnknownCenturyDigit => "The IIN's 7th digit (century and sex) must be 1 to 6.",
        IinValidation.NotARealDate => "The IIN does not start with a real birth date.",
        IinValidation.NeverIssued => "No IIN is ever issued with these digits (the check digit cannot be computed).",
        _ => "The IIN's check digit is wrong.",
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
