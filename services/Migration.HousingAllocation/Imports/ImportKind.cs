namespace Migration.HousingAllocation.Importing;

/// <summary>What the housing service imports from CSV files.</summary>
public enum ImportKind
{
    Units,
}
