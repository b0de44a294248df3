using Microsoft.AspNetCore.Http.HttpResults;

namespace Migration.ServiceDefaults.Problems;

/// <summary>One reason a field was refused: the field's JSON name, a stable code and a message a person can read.</summary>
public sealed record FieldError(string Field, string Code, string Message);

/// <summary>Collects field errors of a request and turns them into a 400 problem with code <c>validation.failed</c>.</summary>
public sealed class ValidationErrors
{
    private readonly List<FieldError> _errors = [];

    public bool IsEmpty => _errors.Count == 0;

    public IReadOnlyList<FieldError> Errors => _errors;

    public ValidationErrors Add(string field, string code, string message)
    {
        _errors.Add(new FieldError(field, code, message));
        return this;
    }

    public ValidationErrors Require(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, "required", $"'{field}' is required.");
        return this;
    }

    public ProblemHttpResult ToProblem() => TypedResults.Problem(new Microsoft.AspNetCore.Mvc.ProblemDetails
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "The request is not valid",
        Detail = string.Join(" ", _errors.Select(e => e.Message)),
        Extensions =
        {
            ["code"] = ProblemCodes.ValidationFailed,
            ["errors"] = _errors,
        },
    });
}
