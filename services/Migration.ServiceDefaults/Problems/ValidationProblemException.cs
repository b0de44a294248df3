namespace Migration.ServiceDefaults.Problems;

/// <summary>Field errors found after parsing (against stored data), answered like any other validation failure.</summary>
public sealed class ValidationProblemException(ValidationErrors errors)
    : ProblemException(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed, "The request is not valid",
        string.Join(" ", errors.Errors.Select(e => e.Message)))
{
    public ValidationErrors Errors { get; } = errors;
}
