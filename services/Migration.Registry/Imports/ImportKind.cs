namespace Migration.Registry.Importing;

/// <summary>What the registry imports from CSV files.</summary>
public enum ImportKind
{
    Settlements,
    Households,
}
