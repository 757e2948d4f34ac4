namespace FactCheck.Web.Infrastructure.Pipeline;

/// A message failed validation; nothing was written. Keys are the message's property names.
public sealed class ValidationFailedException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("One or more fields are invalid: " + string.Join(", ", errors.Keys))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static ValidationFailedException For(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });
}

/// The actor is not signed in (401) for a message that needs an account.
public sealed class NotAuthenticatedException(string message) : Exception(message);

/// The actor is signed in but may not send this message (403).
public sealed class ForbiddenException(string message) : Exception(message);

public sealed class NotFoundException(string message) : Exception(message);

/// The record changed since the caller read it, or the request conflicts with the current state (409).
public sealed class ConflictException(string message, object? current = null) : Exception(message)
{
    public object? Current { get; } = current;
}
