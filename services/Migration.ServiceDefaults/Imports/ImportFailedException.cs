namespace Migration.ServiceDefaults.Importing;

/// <summary>The job cannot go on (no classifier loaded, a file that stops being CSV): it ends failed with this message.</summary>
public sealed class ImportFailedException(string message) : Exception(message);
