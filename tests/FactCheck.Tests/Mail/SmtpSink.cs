using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace FactCheck.Tests.Mail;

/// A local SMTP server on 127.0.0.1 that keeps every message it accepts, for delivery tests.
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Store store = new();
    private Task running = Task.CompletedTask;

    public IReadOnlyCollection<MimeMessage> Messages => store.Messages;

    /// User names that logged in, when the sink offers AUTH over its plain connection (as a badly set up server might).
    public ConcurrentQueue<string> Logins { get; } = new();

    /// A port on 127.0.0.1 where nothing listens (until a sink is started on it).
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public static async Task<SmtpSink> StartAsync(int port, bool offerPlainTextLogin = false)
    {
        var sink = new SmtpSink();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("sink.test")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port)).AllowUnsecureAuthentication(offerPlainTextLogin))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(sink.store);
        services.Add(new SmtpServer.Authentication.DelegatingUserAuthenticator((user, _) => sink.Logins.Enqueue(user)));
        var server = new SmtpServer.SmtpServer(options, services);
        sink.running = server.StartAsync(sink.stop.Token);

        // The listener is bound once a client can connect; this checks it instead of trusting the start order.
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        return sink;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await running;
        }
        catch (OperationCanceledException)
        {
        }

        stop.Dispose();
    }

    private sealed class Store : MessageStore
    {
        public ConcurrentQueue<MimeMessage> Messages { get; } = new();

        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            Messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
