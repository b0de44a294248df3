namespace Migration.Registry.Settlements;

/// <summary>A settlement's development potential, as the program classifies it.</summary>
public enum PotentialClass
{
    High,
    Medium,
    Low,
}

public enum ClimateZone
{
    Desert,
    SemiDesert,
    Steppe,
    ForestSteppe,
    Mountain,
}

public enum HazardType
{
    Radiation,
    SoilSalinization,
    Desertification,
    Flooding,
    IndustrialPollution,
    WaterShortage,
    Landslide,
    Other,
}

public enum Severity
{
    Low,
    Medium,
    High,
}

public sealed record Hazard(HazardType Type, Severity Severity);

public sealed record Coordinates(decimal Latitude, decimal Longitude);

public sealed record Infrastructure(
    bool WaterSupply, bool Electricity, bool Gas, bool PavedRoad, bool School, bool MedicalPost, bool Internet)
{
    public int Count => new[] { WaterSupply, Electricity, Gas, PavedRoad, School, MedicalPost, Internet }.Count(x => x);

    public const int Items = 7;
}

/// <summary>The dated socio-economic indicators of a settlement's passport.</summary>
public sealed record Indicators(
    DateOnly AsOf,
    int Population,
    int Households,
    int WorkingAge,
    int Unemployed,
    decimal AverageMonthlyIncome,
    decimal SubsistenceMinimum,
    Infrastructure Infrastructure,
    decimal ArableLandHectares);

/// <summary>How a settlement's potential class was arrived at.</summary>
public enum PotentialSource
{
    /// <summary>Computed by a scoring model from the indicators.</summary>
    Model,

    /// <summary>Stated by the clerk where no indicators were recorded.</summary>
    Clerk,
}

/// <summary>The class a certification gave, with its score and the model version that computed it (when computed).</summary>
public sealed record PotentialAssessment(PotentialClass Class, decimal? Score, int? ModelVersion, PotentialSource Source);

/// <summary>A registry clerk's decision to set a class other than the computed one, with a written reason.</summary>
public sealed record PotentialOverride(PotentialClass Class, string Reason, string By, DateTimeOffset At);
