using System.Data;
using System.Text.Json;
using Dapper;
using System.Data.Common;

namespace FactCheck.Web.Infrastructure.Pipeline;

/// The open connection and transaction of the command being handled, with its actor, its clock reading and
/// the audit entries it has recorded. The transaction behaviour creates it around the handler and commits it,
/// audit rows included, in one go; a handler never commits or rolls back itself.
public sealed class CommandContext
{
    private static readonly AsyncLocal<CommandContext?> Ambient = new();
    private readonly List<AuditEntry> auditEntries = [];
    private readonly HashSet<long> changedClaims = [];
    private readonly HashSet<long> notifiedUsers = [];
    private readonly HashSet<long> endedSessions = [];

    /// Taken first in every command transaction on PostgreSQL, held until it ends: commands write one at a time, as on SQLite.
    public const string PostgresWriteLock = "SELECT pg_advisory_xact_lock(7301052023)";

    internal CommandContext(DbConnection connection, DbTransaction transaction, Actor actor, DateTimeOffset now, string action, bool isPostgres = false)
    {
        IsPostgres = isPostgres;
        Connection = connection;
        Transaction = transaction;
        Actor = actor;
        Now = now;
        Action = action;
    }

    public static CommandContext Current =>
        Ambient.Value ?? throw new InvalidOperationException("No command is running: commands are handled inside the mediator pipeline.");

    internal static CommandContext? Value
    {
        get => Ambient.Value;
        set => Ambient.Value = value;
    }

    public DbConnection Connection { get; }

    public DbTransaction Transaction { get; }

    public Actor Actor { get; }

    /// Which SQL the handler must speak: PostgreSQL's or SQLite's, where the two differ.
    public bool IsPostgres { get; }

    public DateTimeOffset Now { get; }

    /// The command's name, used as the audit action.
    public string Action { get; }

    internal IReadOnlyList<AuditEntry> AuditEntries => auditEntries;

    /// Claims this command changed; open pages showing them are told once the transaction commits.
    internal IReadOnlyCollection<long> ChangedClaims => changedClaims;

    /// Records what the command changed; written to audit_log in this command's transaction.
    public void Audit(string entity, object entityId, object? before, object? after, string? action = null)
    {
        var id = Convert.ToString(entityId, System.Globalization.CultureInfo.InvariantCulture) ?? "";
        auditEntries.Add(new AuditEntry(action ?? Action, entity, id, Serialize(before), Serialize(after)));
        if (entity == "claim" && long.TryParse(id, out var claimId))
        {
            changedClaims.Add(claimId);
        }
    }

    /// Users who got a notification in this command; their open pages are told once it commits.
    internal IReadOnlyCollection<long> NotifiedUsers => notifiedUsers;

    public void UserNotified(long userId) => notifiedUsers.Add(userId);

    /// Accounts whose security stamp this command changed; their open circuits sign out once it commits.
    internal IReadOnlyCollection<long> EndedSessions => endedSessions;

    public void SessionsEnded(long userId) => endedSessions.Add(userId);

    /// Marks a claim as changed without an audit entry against it (e.g. an appearance was added).
    public void ClaimChanged(long claimId) => changedClaims.Add(claimId);

    public Task<int> ExecuteAsync(string sql, object? param, CancellationToken cancellationToken) =>
        Connection.ExecuteAsync(Define(sql, param, cancellationToken));

    public Task<T> ExecuteScalarAsync<T>(string sql, object? param, CancellationToken cancellationToken) =>
        Connection.ExecuteScalarAsync<T>(Define(sql, param, cancellationToken))!;

    public Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? param, CancellationToken cancellationToken) =>
        Connection.QuerySingleOrDefaultAsync<T>(Define(sql, param, cancellationToken));

    public Task<IEnumerable<T>> QueryAsync<T>(string sql, object? param, CancellationToken cancellationToken) =>
        Connection.QueryAsync<T>(Define(sql, param, cancellationToken));

    private CommandDefinition Define(string sql, object? param, CancellationToken cancellationToken) =>
        new(sql, param, Transaction, cancellationToken: cancellationToken);

    internal static string? Serialize(object? value) =>
        value switch
        {
            null => null,
            string s => JsonSerializer.Serialize(s, AuditJson.Options),
            _ => JsonSerializer.Serialize(value, value.GetType(), AuditJson.Options),
        };
}

internal sealed record AuditEntry(string Action, string Entity, string EntityId, string? BeforeJson, string? AfterJson);

internal static class AuditJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = false,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver
        {
            Modifiers = { RemoveSensitive },
        },
    };

    private static void RemoveSensitive(System.Text.Json.Serialization.Metadata.JsonTypeInfo info)
    {
        foreach (var property in info.Properties)
        {
            if (property.AttributeProvider?.IsDefined(typeof(SensitiveAttribute), inherit: true) == true)
            {
                property.ShouldSerialize = static (_, _) => false;
            }
        }
    }
}

