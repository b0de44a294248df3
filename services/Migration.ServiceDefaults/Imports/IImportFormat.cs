namespace Migration.ServiceDefaults.Importing;

/// <summary>The columns of one kind of import file: all it may have, and those it must have.</summary>
public interface IImportFormat
{
    IReadOnlyList<string> Columns { get; }

    IReadOnlyList<string> Required { get; }
}
