using Migration.Identifiers;
using Migration.ServiceDefaults.Http;
using Migration.ServiceDefaults.Problems;

namespace Migration.Registry.Settlements;

public sealed record InfrastructureRequest(
    bool? WaterSupply, bool? Electricity, bool? Gas, bool? PavedRoad, bool? School, bool? MedicalPost, bool? Internet);

public sealed record IndicatorsRequest(
    DateOnly? AsOf,
    int? Population,
    int? Households,
    int? WorkingAge,
    int? Unemployed,
    decimal? AverageMonthlyIncome,
    decimal? SubsistenceMinimum,
    InfrastructureRequest? Infrastructure,
    decimal? ArableLandHectares);

public sealed record HazardRequest(string? Type, string? Severity);

public sealed record CoordinatesRequest(decimal? Latitude, decimal? Longitude);

/// <summary>
/// What a registry clerk submits to certify or recertify a settlement. With indicators the class is computed by the
/// scoring model, and a different <see cref="PotentialClass"/> is an override that needs a reason; without indicators
/// the clerk states the class.
/// </summary>
public sealed record PassportRequest(
    string? Kato,
    string? NameRu,
    string? NameKk,
    string? ClimateZone,
    CoordinatesRequest? Coordinates,
    IndicatorsRequest? Indicators,
    IReadOnlyList<HazardRequest>? Hazards,
    string? PotentialClass,
    string? OverrideReason);

/// <summary>A passport that passed validation.</summary>
public sealed record Passport(
    KatoCode Kato,
    string? NameRu,
    string? NameKk,
    ClimateZone? ClimateZone,
    Coordinates? Coordinates,
    Indicators? Indicators,
    IReadOnlyList<Hazard> Hazards,
    PotentialClass? StatedClass,
    string? OverrideReason);

public static class PassportValidation
{
    private const int MaxName = 200;

    /// <summary>The passport, or the field errors that keep it from being one.</summary>
    public static (Passport? Passport, ValidationErrors Errors) Validate(PassportRequest request, string? katoFromRoute = null)
    {
        var errors = new ValidationErrors();
        var kato = ValidateKato(katoFromRoute ?? request.Kato, errors);
        if (request.NameRu is { Length: > MaxName }) errors.Add("nameRu", "too-long", $"'nameRu' must be at most {MaxName} characters.");
        if (request.NameKk is { Length: > MaxName }) errors.Add("nameKk", "too-long", $"'nameKk' must be at most {MaxName} characters.");

        ClimateZone? climate = null;
        if (request.ClimateZone is not null)
        {
            if (WireNames.TryParse<ClimateZone>(request.ClimateZone, out var zone)) climate = zone;
            else errors.Add("climateZone", "climate-zone.unknown", $"'climateZone' must be {WireNames.Choices<ClimateZone>()}.");
        }

        var coordinates = ValidateCoordinates(request.Coordinates, errors);
        var indicators = request.Indicators is null ? null : ValidateIndicators(request.Indicators, errors);
        var hazards = ValidateHazards(request.Hazards, errors);

        PotentialClass? stated = null;
        if (request.PotentialClass is not null)
        {
            if (WireNames.TryParse<PotentialClass>(request.PotentialClass, out var potential)) stated = potential;
            else errors.Add("potentialClass", "potential-class.unknown", $"'potentialClass' must be {WireNames.Choices<PotentialClass>()}.");
        }
        else if (request.Indicators is null)
        {
            errors.Add("potentialClass", "potential-class.required", "Without indicators, 'potentialClass' must be stated.");
        }

        if (request.OverrideReason is { Length: > 2000 }) errors.Add("overrideReason", "too-long", "'overrideReason' must be at most 2000 characters.");

        return errors.IsEmpty
            ? (new Passport(kato!.Value, Trim(request.NameRu), Trim(request.NameKk), climate, coordinates, indicators, hazards, stated, Trim(request.OverrideReason)), errors)
            : (null, errors);
    }

    public static KatoCode? ValidateKato(string? value, ValidationErrors errors)
    {
        switch (KatoCode.Validate(value))
        {
            case KatoValidation.Missing:
                errors.Add("kato", "required", "'kato' is required.");
                return null;
            case KatoValidation.NotNineDigits:
                errors.Add("kato", "kato.format", "'kato' must be a KATO code of 9 digits.");
                return null;
            case KatoValidation.UnknownOblast:
                errors.Add("kato", "kato.unknown-oblast", $"'kato' starts with {value![..2]}, which is no oblast code.");
                return null;
            default:
                var kato = KatoCode.Parse(value!);
                if (value![6..] == "000")
                    errors.Add("kato", "kato.not-a-settlement", $"{value} is a district or rural okrug, not a settlement.");
                return kato;
        }
    }

    private static Coordinates? ValidateCoordinates(CoordinatesRequest? request, ValidationErrors errors)
    {
        if (request is null) return null;
        // Kazakhstan lies within about 40–56° N and 46–88° E.
        if (request.Latitude is not { } latitude || latitude is < 40m or > 56m)
            errors.Add("coordinates.latitude", "coordinates.out-of-country", "'latitude' must be within Kazakhstan (40 to 56° N).");
        if (request.Longitude is not { } longitude || longitude is < 46m or > 88m)
            errors.Add("coordinates.longitude", "coordinates.out-of-country", "'longitude' must be within Kazakhstan (46 to 88° E).");
        return request is { Latitude: { } lat, Longitude: { } lon } ? new Coordinates(lat, lon) : null;
    }

    private static Indicators? ValidateIndicators(IndicatorsRequest request, ValidationErrors errors)
    {
        void NonNegative(string field, decimal? value)
        {
            if (value is null) errors.Add($"indicators.{field}", "required", $"'indicators.{field}' is required.");
            else if (value < 0) errors.Add($"indicators.{field}", "negative", $"'indicators.{field}' must not be negative.");
        }

        if (request.AsOf is null) errors.Add("indicators.asOf", "required", "'indicators.asOf' (the date of the indicators) is required.");
        NonNegative("population", request.Population);
        NonNegative("households", request.Households);
        NonNegative("workingAge", request.WorkingAge);
        NonNegative("unemployed", request.Unemployed);
        NonNegative("averageMonthlyIncome", request.AverageMonthlyIncome);
        NonNegative("subsistenceMinimum", request.SubsistenceMinimum);
        NonNegative("arableLandHectares", request.ArableLandHectares);
        if (request.WorkingAge > request.Population)
            errors.Add("indicators.workingAge", "indicators.inconsistent", "'workingAge' cannot exceed 'population'.");
        if (request.Unemployed > request.WorkingAge)
            errors.Add("indicators.unemployed", "indicators.inconsistent", "'unemployed' cannot exceed 'workingAge'.");
        if (request.Households > request.Population)
            errors.Add("indicators.households", "indicators.inconsistent", "'households' cannot exceed 'population'.");
        if (request.Infrastructure is null) errors.Add("indicators.infrastructure", "required", "'indicators.infrastructure' is required.");

        var i = request.Infrastructure;
        return errors.IsEmpty
            ? new Indicators(request.AsOf!.Value, request.Population!.Value, request.Households!.Value, request.WorkingAge!.Value,
                request.Unemployed!.Value, request.AverageMonthlyIncome!.Value, request.SubsistenceMinimum!.Value,
                new Infrastructure(i!.WaterSupply ?? false, i.Electricity ?? false, i.Gas ?? false, i.PavedRoad ?? false,
                    i.School ?? false, i.MedicalPost ?? false, i.Internet ?? false),
                request.ArableLandHectares!.Value)
            : null;
    }

    private static List<Hazard> ValidateHazards(IReadOnlyList<HazardRequest>? requests, ValidationErrors errors)
    {
        var hazards = new List<Hazard>();
        foreach (var (hazard, index) in (requests ?? []).Select((h, i) => (h, i)))
        {
            var typeOk = WireNames.TryParse<HazardType>(hazard.Type, out var type);
            var severityOk = WireNames.TryParse<Severity>(hazard.Severity, out var severity);
            if (!typeOk) errors.Add($"hazards[{index}].type", "hazard.unknown-type", $"'type' must be {WireNames.Choices<HazardType>()}.");
            if (!severityOk) errors.Add($"hazards[{index}].severity", "hazard.unknown-severity", $"'severity' must be {WireNames.Choices<Severity>()}.");
            if (typeOk && severityOk) hazards.Add(new Hazard(type, severity));
        }

        return hazards;
    }

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
