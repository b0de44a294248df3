namespace Migration.SubsidyPayment.Banking;

/// <summary>
/// A bank file was refused as a whole: not XML, not a camt.053/camt.054, or not valid against its schema. Nothing of it
/// is imported; <see cref="Errors"/> says why, for the operator who has to ask the bank for a corrected file.
/// </summary>
public sealed class StatementRejectedException : Exception
{
    public StatementRejectedException(IReadOnlyList<string> errors)
        : base(Summary(errors)) =>
        Errors = errors;

    public StatementRejectedException()
        : this(["The bank file was rejected."])
    {
    }

    public StatementRejectedException(string message)
        : this([message])
    {
    }

    public StatementRejectedException(string message, Exception innerException)
        : base(message, innerException) =>
        Errors = [message];

    /// <summary>Never empty: each reason the file was refused, schema errors with their line numbers.</summary>
    public IReadOnlyList<string> Errors { get; }

    private static string Summary(IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0) throw new ArgumentException("A rejection names at least one reason.", nameof(errors));
        return errors.Count == 1
            ? $"The bank file was rejected: {errors[0]}"
            : $"The bank file was rejected with {errors.Count} errors; the first: {errors[0]}";
    }
}
