using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using System.Reflection;
using FactCheck.Web.Infrastructure.Database;
using Dapper;
using Mediator;

namespace FactCheck.Web.Infrastructure.Pipeline;

/// First in the pipeline: one log line per message with its actor, the claim it acts on (where it names one),
/// outcome and duration, and the same outcome and duration as metrics (FactCheckMetrics).
public sealed class LoggingBehavior<TMessage, TResponse>(CurrentActor current, ILogger<LoggingBehavior<TMessage, TResponse>> logger, FactCheckMetrics metrics)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var name = typeof(TMessage).Name;
        var claimId = ClaimOf(message);
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["Message"] = name, ["Actor"] = current.Actor.Name, ["ClaimId"] = claimId });
        try
        {
            var response = await next(message, cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            metrics.Message(name, "ok", elapsed);
            logger.LogInformation("{Message} by {Actor} on claim {ClaimId} succeeded in {ElapsedMs:F1} ms", name, current.Actor.Name, claimId, elapsed);
            return response;
        }
        catch (Exception ex) when (ex is ValidationFailedException or ForbiddenException or NotAuthenticatedException or NotFoundException or ConflictException)
        {
            metrics.Message(name, "refused", Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            logger.LogInformation("{Message} by {Actor} on claim {ClaimId} refused: {Reason}", name, current.Actor.Name, claimId, ex.Message);
            throw;
        }
        catch (Exception ex)
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            metrics.Message(name, "failed", elapsed);
            logger.LogError(ex, "{Message} by {Actor} on claim {ClaimId} failed after {ElapsedMs:F1} ms", name, current.Actor.Name, claimId, elapsed);
            throw;
        }
    }

    /// The claim a message acts on: its ClaimId (every workflow action has one) or FromClaimId property.
    private static long? ClaimOf(TMessage message) => ClaimProperty?.GetValue(message) as long?;

    private static readonly PropertyInfo? ClaimProperty =
        typeof(TMessage).GetProperty("ClaimId") is { PropertyType: var t } p && (t == typeof(long) || t == typeof(long?)) ? p
        : typeof(TMessage).GetProperty("FromClaimId") is { PropertyType: var f } from && (f == typeof(long) || f == typeof(long?)) ? from
        : null;
}

/// Refuses a message before it reaches its handler unless the actor may send it. Roles and the active flag are
/// read from the database on every message, so a deactivation or role change applies at once, open circuits included.
public sealed class AuthorizationBehavior<TMessage, TResponse>(CurrentActor current, Db db)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var rule = AccessRule.For(typeof(TMessage));
        var actor = current.Actor;
        if (rule.Anonymous || actor.IsSystem)
        {
            if (rule.SystemOnly && !actor.IsSystem)
            {
                throw new ForbiddenException($"{typeof(TMessage).Name} is run by the system only.");
            }

            return await next(message, cancellationToken);
        }

        if (rule.SystemOnly)
        {
            throw new ForbiddenException($"{typeof(TMessage).Name} is run by the system only.");
        }

        if (!actor.IsAuthenticated)
        {
            throw new NotAuthenticatedException("Sign in to do this.");
        }

        await using var connection = await db.OpenAsync(cancellationToken);
        var account = await connection.QuerySingleOrDefaultAsync<AccountRow>(new CommandDefinition(
            """
            SELECT u.security_stamp AS SecurityStamp, u.must_change_password AS MustChangePassword,
                   coalesce((SELECT string_agg(r.role, ',') FROM user_roles r WHERE r.user_id = u.id), '') AS Roles
            FROM users u WHERE u.id = @UserId AND u.is_active = 1
            """,
            new { actor.UserId },
            cancellationToken: cancellationToken));
        if (account is null)
        {
            throw new NotAuthenticatedException("This account is deactivated or no longer exists.");
        }

        // A cookie, circuit or token from before a password change, reset, role change or deactivation is over.
        if (actor.SecurityStamp is { } stamp && stamp != account.SecurityStamp)
        {
            throw new NotAuthenticatedException("Your sign-in has ended because your account changed (password or roles). Sign in again.");
        }

        if (account.MustChangePassword && !AllowedBeforePasswordChange)
        {
            throw new ForbiddenException("Set a new password first, on your account page (/account).");
        }

        var roles = account.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        current.Actor = actor with { Roles = roles };
        if (!rule.AnyStaff && !rule.Roles.Any(roles.Contains))
        {
            throw new ForbiddenException($"{typeof(TMessage).Name} needs one of the roles: {string.Join(", ", rule.Roles)}.");
        }

        return await next(message, cancellationToken);
    }

    private static readonly bool AllowedBeforePasswordChange = typeof(TMessage).IsDefined(typeof(AllowedBeforePasswordChangeAttribute));

    private sealed record AccountRow(string SecurityStamp, bool MustChangePassword, string Roles)
    {
        public AccountRow()
            : this("", false, "")
        {
        }
    }
}

/// Checks DataAnnotations (and IValidatableObject) on the message; a failure never reaches the handler.
/// Rules that need a service (the rating scale, the clock) get it from the ValidationContext.
public sealed class ValidationBehavior<TMessage, TResponse>(IServiceProvider services) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        // First, so no rule (or normalisation) below ever sees text that is not text.
        if (TextGuard.Check(message, refuseNul: services.GetService<Database.Db>()?.IsPostgres == true) is { } textErrors)
        {
            throw new ValidationFailedException(textErrors);
        }

        var context = new ValidationContext(message, services, null);
        var results = new List<ValidationResult>();
        var valid = Validator.TryValidateObject(message, context, results, validateAllProperties: true);

        // DataAnnotations skips IValidatableObject when a property rule fails; run it anyway so a form shows every problem at once.
        if (!valid && message is IValidatableObject validatable)
        {
            results.AddRange(validatable.Validate(context));
        }

        if (results.Count > 0)
        {
            var errors = results
                .SelectMany(r => (r.MemberNames.Any() ? r.MemberNames : [""]).Select(m => (Member: m, r.ErrorMessage)))
                .GroupBy(e => e.Member)
                .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage ?? "Invalid value.").Distinct().ToArray());
            throw new ValidationFailedException(errors);
        }

        return next(message, cancellationToken);
    }
}

/// Wraps every command in one immediate transaction and writes its audit rows in that transaction.
/// A command whose handler changed rows without recording an audit entry still gets one (the message itself),
/// so no state change goes unrecorded.
public sealed class TransactionBehavior<TMessage, TResponse>(
    CurrentActor current, Db db, TimeProvider clock, IChangeFanOut changes)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IBaseCommand
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (CommandContext.Value is not null)
        {
            throw new InvalidOperationException($"{typeof(TMessage).Name} was sent from inside another command; compose the work in one handler instead.");
        }

        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var context = new CommandContext(connection, transaction, current.Actor, clock.GetUtcNow(), typeof(TMessage).Name, db.IsPostgres);
        CommandContext.Value = context;
        try
        {
            // SQLite's immediate transaction holds the one write lock; on PostgreSQL commands take a lock of their own,
            // so they run one at a time there too (the audit chain and the handlers' read-then-write checks rely on it).
            // A PostgreSQL transaction gets an id at its first write: that is how a change without an audit entry shows.
            if (db.IsPostgres)
            {
                await context.ExecuteAsync(CommandContext.PostgresWriteLock, null, cancellationToken);
            }

            var changesBefore = db.IsPostgres ? 0 : await context.ExecuteScalarAsync<long>("SELECT total_changes()", null, cancellationToken);
            var response = await next(message, cancellationToken);
            var changed = await context.ExecuteScalarAsync<long>(
                db.IsPostgres ? "SELECT count(pg_current_xact_id_if_assigned())" : "SELECT total_changes()", null, cancellationToken) > changesBefore;
            var entries = context.AuditEntries;
            if (entries.Count == 0 && changed)
            {
                entries = [new AuditEntry(context.Action, "command", typeof(TMessage).Name, null, CommandContext.Serialize(message))];
            }

            if (entries.Count > 0)
            {
                await AuditWriter.WriteAsync(context, entries, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);

            // Awaited: once the command returns, no reader is served the public page as it was before.
            await changes.PublishAsync(
                new ChangeSet(context.ChangedClaims.ToList(), context.NotifiedUsers.ToList(), context.EndedSessions.ToList()), CancellationToken.None);
            return response;
        }
        finally
        {
            CommandContext.Value = null;
        }
    }
}

internal sealed record AccessRule(bool Anonymous, bool AnyStaff, bool SystemOnly, IReadOnlyList<string> Roles)
{
    private static readonly ConcurrentDictionary<Type, AccessRule> Cache = new();

    public static AccessRule For(Type messageType) => Cache.GetOrAdd(messageType, Read);

    public static bool IsDeclared(Type messageType)
    {
        var rule = For(messageType);
        return rule.Anonymous || rule.AnyStaff || rule.SystemOnly || rule.Roles.Count > 0;
    }

    private static AccessRule Read(Type type)
    {
        var roles = type.GetCustomAttribute<AllowRolesAttribute>()?.Roles ?? [];
        foreach (var role in roles)
        {
            if (!Pipeline.Roles.IsKnown(role))
            {
                throw new InvalidOperationException($"{type.Name} names an unknown role '{role}'.");
            }
        }

        return new AccessRule(
            type.IsDefined(typeof(AllowAnonymousMessageAttribute)),
            type.IsDefined(typeof(AllowAnyStaffAttribute)),
            type.IsDefined(typeof(SystemOnlyAttribute)),
            roles);
    }
}
