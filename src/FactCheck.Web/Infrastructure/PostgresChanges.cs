using System.Collections.Concurrent;
using System.Threading.Channels;
using FactCheck.Web.Infrastructure.Database;
using Npgsql;

namespace FactCheck.Web.Infrastructure;

/// This process among the desk's nodes: the origin written into every change it announces, so it can tell its own.
public sealed class NodeIdentity
{
    public string Id { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
}

/// Several nodes on PostgreSQL: this node's listeners hear the change at once, then it goes out with
/// pg_notify('factcheck_changes', …) after the commit. The command returns once its own notification has come back
/// from the database (at most a second), by which time every listening node has been sent it too.
public sealed class PostgresFanOut(LocalChanges local, Db db, NodeIdentity node, PostgresChangeListener listener, ILogger<PostgresFanOut> logger)
    : IChangeFanOut
{
    public const string Channel = "factcheck_changes";

    private long seq;

    public async Task PublishAsync(ChangeSet changes, CancellationToken cancellationToken)
    {
        if (changes.IsEmpty)
        {
            return;
        }

        await local.RaiseAsync(changes);
        try
        {
            var payloads = ChangeMessage.Encode(node.Id, changes, Interlocked.Increment(ref seq)).ToList();
            var echo = listener.IsListening ? listener.ExpectEcho(payloads[^1]) : null;
            await using (var connection = await db.OpenAsync(cancellationToken))
            {
                foreach (var payload in payloads)
                {
                    await using var command = connection.CreateCommand();
                    command.CommandText = "SELECT pg_notify(@channel, @payload)";
                    AddParameter(command, "channel", Channel);
                    AddParameter(command, "payload", payload);
                    await command.ExecuteNonQueryAsync(cancellationToken);
                }
            }

            if (echo is not null && await Task.WhenAny(echo, Task.Delay(TimeSpan.FromSeconds(1), cancellationToken)) != echo)
            {
                listener.ForgetEcho(payloads[^1]);
                logger.LogWarning("The change notification for claims {ClaimIds} did not come back within a second", changes.Claims);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The command has committed: other nodes then refresh at the next change (and their caches expire).
            logger.LogError(ex, "Could not tell the other nodes about changed claims {ClaimIds}", changes.Claims);
        }
    }

    private static void AddParameter(System.Data.Common.DbCommand command, string name, string value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}

/// Listens on its own long-lived connection (never one from the pool a handler disposes) and raises other nodes'
/// changes on this node. A dropped connection is reopened with backoff; whatever was announced meanwhile is lost, so
/// after a reconnect every cached public page is evicted.
public sealed class PostgresChangeListener(Db db, NodeIdentity node, LocalChanges local, ILogger<PostgresChangeListener> logger)
    : BackgroundService
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> echoes = new();
    private readonly Channel<string> received = System.Threading.Channels.Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool listening;

    public bool IsListening => listening;

    /// Completes when this node first listens (a test starting two nodes waits for it).
    public Task Ready => ready.Task;

    public void ForgetEcho(string payload) => echoes.TryRemove(payload, out _);

    public Task ExpectEcho(string payload)
    {
        var echo = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        echoes[payload] = echo;
        return echo.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var raising = RaiseAsync();
        var delay = TimeSpan.FromMilliseconds(250);
        var missed = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(missed, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                listening = false;
                missed = true;
                logger.LogWarning(ex, "Lost the connection that hears other nodes' changes; reconnecting in {Delay}", delay);
                try
                {
                    await Task.Delay(delay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        listening = false;
        received.Writer.TryComplete();
        await raising;
    }

    private async Task ListenAsync(bool missed, CancellationToken stoppingToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(db.ConnectionString) { Pooling = false, KeepAlive = 15, ApplicationName = "factcheck-listener" };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        connection.Notification += (_, e) => received.Writer.TryWrite(e.Payload);
        await connection.OpenAsync(stoppingToken);
        await using (var command = new NpgsqlCommand($"LISTEN {PostgresFanOut.Channel}", connection))
        {
            await command.ExecuteNonQueryAsync(stoppingToken);
        }

        listening = true;
        ready.TrySetResult();
        if (missed)
        {
            logger.LogInformation("Listening for other nodes' changes again; evicting every cached public page");
            await local.RaiseMissedAsync();
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            await connection.WaitAsync(stoppingToken);
        }
    }

    private async Task RaiseAsync()
    {
        await foreach (var payload in received.Reader.ReadAllAsync(CancellationToken.None))
        {
            try
            {
                var message = ChangeMessage.Decode(payload);
                if (message is null)
                {
                    logger.LogWarning("A change notification this node cannot read; evicting every cached public page");
                    await local.RaiseMissedAsync();
                }
                else if (message.Node == node.Id)
                {
                    if (echoes.TryRemove(payload, out var echo))
                    {
                        echo.TrySetResult();
                    }
                }
                else
                {
                    await local.RaiseAsync(message.ToChangeSet());
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                logger.LogError(ex, "Could not raise another node's change {Payload}", payload);
            }
        }
    }
}
