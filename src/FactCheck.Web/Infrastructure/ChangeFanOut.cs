using System.Text;
using System.Text.Json;
using FactCheck.Web.Infrastructure.Auth;

namespace FactCheck.Web.Infrastructure;

/// What one committed command changed: the claims (live pages, dashboards, the public cache), the people who got a
/// notification (the bell) and the people whose sessions ended. A signal to go and read, never the data itself.
public sealed record ChangeSet(IReadOnlyList<long> Claims, IReadOnlyList<long> NotifiedUsers, IReadOnlyList<long> EndedSessions)
{
    public bool IsEmpty => Claims.Count == 0 && NotifiedUsers.Count == 0 && EndedSessions.Count == 0;
}

/// Carries a committed change to every node of the desk. The transaction behaviour publishes after commit; every
/// node, the publishing one included, then raises the same local events (LocalChanges). One node (SQLite): in
/// process. PostgreSQL: also NOTIFY on the database, heard by a listener on every other node.
public interface IChangeFanOut
{
    Task PublishAsync(ChangeSet changes, CancellationToken cancellationToken);
}

/// This node's listeners of committed changes: the public output cache, open pages, the bell, signed-in circuits.
public sealed class LocalChanges(ClaimChangeNotifier claims, InboxNotifier inbox, PublicCache publicCache, SessionRevocations sessions)
{
    public async Task RaiseAsync(ChangeSet changes)
    {
        if (changes.Claims.Count > 0)
        {
            // Awaited: once this returns, no reader on this node is served the public page as it was before.
            await publicCache.EvictAsync(changes.Claims, CancellationToken.None);
            claims.Publish(changes.Claims);
        }

        if (changes.NotifiedUsers.Count > 0)
        {
            inbox.Publish(changes.NotifiedUsers);
        }

        if (changes.EndedSessions.Count > 0)
        {
            sessions.Publish(changes.EndedSessions);
        }
    }

    /// Changes this node may have missed (its listening connection dropped): every cached public page goes.
    public Task RaiseMissedAsync() => publicCache.EvictAllAsync(CancellationToken.None);
}

/// One node: the change goes to this process's listeners only (the behaviour before several nodes existed).
public sealed class InProcessFanOut(LocalChanges local) : IChangeFanOut
{
    public Task PublishAsync(ChangeSet changes, CancellationToken cancellationToken) =>
        changes.IsEmpty ? Task.CompletedTask : local.RaiseAsync(changes);
}

/// A change as it travels between nodes: {"node","claims","users","sessions","seq"}, split into messages that fit
/// PostgreSQL's NOTIFY payload (under 8,000 bytes).
public sealed record ChangeMessage(string Node, long[] Claims, long[] Users, long[] Sessions, long Seq = 0)
{
    public const int MaxPayloadBytes = 7900;

    private const int IdsPerMessage = 300;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public ChangeSet ToChangeSet() => new(Claims, Users, Sessions);

    public static IEnumerable<string> Encode(string node, ChangeSet changes, long seq = 0)
    {
        var ids = changes.Claims.Select(id => (Kind: 'c', Id: id))
            .Concat(changes.NotifiedUsers.Select(id => (Kind: 'u', Id: id)))
            .Concat(changes.EndedSessions.Select(id => (Kind: 's', Id: id)));
        foreach (var chunk in ids.Chunk(IdsPerMessage))
        {
            var message = new ChangeMessage(
                node,
                chunk.Where(i => i.Kind == 'c').Select(i => i.Id).ToArray(),
                chunk.Where(i => i.Kind == 'u').Select(i => i.Id).ToArray(),
                chunk.Where(i => i.Kind == 's').Select(i => i.Id).ToArray(),
                seq);
            yield return JsonSerializer.Serialize(message, Json);
        }
    }

    /// Null for a payload this version cannot read (a newer node's, or garbage): the caller treats it as "anything
    /// may have changed".
    public static ChangeMessage? Decode(string payload)
    {
        try
        {
            var message = JsonSerializer.Deserialize<ChangeMessage>(payload, Json);
            return message is { Node: not null, Claims: not null, Users: not null, Sessions: not null } ? message : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static int Bytes(string payload) => Encoding.UTF8.GetByteCount(payload);
}
