using FactCheck.Web.Infrastructure.Pipeline;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace FactCheck.Web.Infrastructure.Api;

/// Turns the pipeline's refusals into RFC 7807 problem details; anything else becomes a 500 without a stack trace,
/// logged here with its stack trace (since .NET 10 the exception middleware stays silent about exceptions a handler
/// handled, so without this a 500 would leave no trace).
public sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problems, ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem = exception switch
        {
            ValidationFailedException v => new HttpValidationProblemDetails(v.Errors.ToDictionary(e => ToJsonName(e.Key), e => e.Value))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "One or more fields are invalid.",
            },
            BadHttpRequestException { InnerException: System.Text.Json.JsonException { Path: { Length: > 2 } path } json } => new HttpValidationProblemDetails(
                new Dictionary<string, string[]> { [JsonField(path)] = [$"This value could not be read: {json.Message.Split(" Path:")[0]}"] })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "One or more fields are invalid.",
            },
            BadHttpRequestException b => new ProblemDetails { Status = b.StatusCode, Title = "The request could not be read.", Detail = b.Message },
            NotAuthenticatedException => new ProblemDetails { Status = StatusCodes.Status401Unauthorized, Title = "Authentication required", Detail = exception.Message },
            ForbiddenException => new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "Forbidden", Detail = exception.Message },
            NotFoundException => new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found", Detail = exception.Message },
            ConflictException c => Conflict(c),
            _ => new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = "Something went wrong on our side.", Detail = "The error was logged." },
        };
        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        if (httpContext.Response.StatusCode >= StatusCodes.Status500InternalServerError)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path} (trace {TraceId})", httpContext.Request.Method, httpContext.Request.Path, httpContext.TraceIdentifier);
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails Conflict(ConflictException conflict)
    {
        var problem = new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "Conflict", Detail = conflict.Message };
        if (conflict.Current is not null)
        {
            problem.Extensions["current"] = conflict.Current;
        }

        return problem;
    }

    /// "$.figureLow" or "$.links[0].relation" -> "figureLow" / "links[0].relation".
    private static string JsonField(string path) => path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    /// Field names in problem details match the JSON body's camelCase names.
    public static string ToJsonName(string member) =>
        string.IsNullOrEmpty(member) ? member : char.ToLowerInvariant(member[0]) + member[1..];
}
