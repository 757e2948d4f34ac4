using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace FactCheck.E2E.Infrastructure;

/// Debian's nginx in front of an app on 127.0.0.1, as a newsroom deploys FactCheck: TLS on a free port with a
/// certificate made for the test, requests passed to the app over plain HTTP from 127.0.0.1 with the usual
/// X-Forwarded-For ($proxy_add_x_forwarded_for), X-Forwarded-Proto and Host. nginx runs in the foreground as a child of
/// the test, with its configuration, pid and temp files in a folder of its own, and is stopped with it.
public sealed class NginxProxy : IAsyncDisposable
{
    private readonly Process process;
    private readonly string folder;
    private readonly StringBuilder log = new();

    private NginxProxy(Process process, string folder, int port, X509Certificate2 certificate)
    {
        this.process = process;
        this.folder = folder;
        Port = port;
        Certificate = certificate;
    }

    public int Port { get; }

    /// The certificate nginx presents; clients trust exactly this one.
    public X509Certificate2 Certificate { get; }

    public static async Task<NginxProxy> StartAsync(string hostName, Uri app)
    {
        var folder = Directory.CreateTempSubdirectory("factcheck-nginx-").FullName;
        var port = FreePort();
        return await RunAsync(folder, hostName, port, $$"""
            server {
                listen 127.0.0.1:{{port}} ssl;
                server_name {{hostName}};
                ssl_certificate {{folder}}/cert.pem;
                ssl_certificate_key {{folder}}/key.pem;
                location / {
                    proxy_pass http://127.0.0.1:{{app.Port}};
                    proxy_bind 127.0.0.1;
                    proxy_http_version 1.1;
                    proxy_set_header Host $host;
                    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                    proxy_set_header X-Forwarded-Proto $scheme;
                }
            }
            """);
    }

    /// The configuration the app ships (src/FactCheck.Web/Deployment/nginx/factcheck.conf), unchanged but for the
    /// lines it marks "set:": the address, certificate, cache folder and the nodes (the first two of nodes; one node
    /// may be named twice). A line that is no longer in the shipped file fails the test rather than being skipped.
    public static async Task<NginxProxy> StartShippedAsync(string hostName, IReadOnlyList<Uri> nodes)
    {
        var folder = Directory.CreateTempSubdirectory("factcheck-nginx-").FullName;
        var port = FreePort();
        var shipped = await File.ReadAllTextAsync(Path.Combine(RepoRoot(), "src", "FactCheck.Web", "Deployment", "nginx", "factcheck.conf"));
        var site = Set(shipped, [
            ("/var/cache/nginx/factcheck ", $"{folder}/cache "),
            ("server 127.0.0.1:5001 ", $"server 127.0.0.1:{nodes[0].Port} "),
            ("server 127.0.0.1:5002 ", $"server 127.0.0.1:{nodes[^1].Port} "),
            ("listen 80;", $"listen 127.0.0.1:{FreePort()};"),
            ("listen 443 ssl http2;", $"listen 127.0.0.1:{port} ssl http2;"),
            ("server_name cekfakta.example.id;", $"server_name {hostName};"),
            ("/etc/ssl/certs/cekfakta.example.id.pem", $"{folder}/cert.pem"),
            ("/etc/ssl/private/cekfakta.example.id.key", $"{folder}/key.pem"),
        ]);
        await File.WriteAllTextAsync(Path.Combine(folder, "factcheck.conf"), site);
        return await RunAsync(folder, hostName, port, $"include {folder}/factcheck.conf;");
    }

    private static string Set(string config, IEnumerable<(string Shipped, string Test)> changes)
    {
        foreach (var (shipped, test) in changes)
        {
            if (!config.Contains(shipped, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The shipped nginx configuration no longer has '{shipped}'.");
            }

            config = config.Replace(shipped, test, StringComparison.Ordinal);
        }

        return config;
    }

    private static async Task<NginxProxy> RunAsync(string folder, string hostName, int port, string site)
    {
        var nginx = new[] { "/usr/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("nginx is not installed: tests/run.sh installs Debian's nginx-light (apt-get install nginx-light).");
        var certificate = WriteCertificate(folder, hostName);
        // Started as root, nginx's workers run as nobody: they must reach the cache folder nginx creates in here.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        }

        var config = Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(config, $$"""
            worker_processes 1;
            daemon off;
            pid {{folder}}/nginx.pid;
            error_log stderr warn;
            events { worker_connections 256; }
            http {
                access_log off;
                client_body_temp_path {{folder}}/body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
            {{site}}
            }
            """);
        var info = new ProcessStartInfo(nginx, ["-p", folder, "-c", config, "-e", "stderr"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var process = Process.Start(info) ?? throw new InvalidOperationException("nginx did not start.");
        var proxy = new NginxProxy(process, folder, port, certificate);
        process.ErrorDataReceived += (_, e) => { lock (proxy.log) { proxy.log.AppendLine(e.Data); } };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        await proxy.WaitUntilListeningAsync();
        return proxy;
    }

    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FactCheck.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("FactCheck.sln not found above " + AppContext.BaseDirectory);
    }

    /// A client that connects from the given loopback address (each reader its own machine) and trusts only our certificate.
    public HttpClient Client(IPAddress from, string hostName)
    {
        var handler = new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.Bind(new IPEndPoint(from, 0));
                    await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, Port), ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
            SslOptions = { RemoteCertificateValidationCallback = (_, presented, _, _) => presented is not null && presented.GetCertHashString() == Certificate.GetCertHashString() },
        };
        return new HttpClient(handler) { BaseAddress = new Uri($"https://{hostName}:{Port}/") };
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        Certificate.Dispose();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind must not fail the run.
        }
    }

    private async Task WaitUntilListeningAsync()
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"nginx exited ({process.ExitCode}) before listening: {Log()}");
            }

            using var probe = new TcpClient();
            try
            {
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(25);
            }
        }

        throw new InvalidOperationException($"nginx did not listen on 127.0.0.1:{Port} within 5 s: {Log()}");
    }

    private string Log()
    {
        lock (log)
        {
            return log.ToString();
        }
    }

    private static X509Certificate2 WriteCertificate(string folder, string hostName)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={hostName}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(hostName);
        request.CertificateExtensions.Add(names.Build());
        var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllText(Path.Combine(folder, "cert.pem"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(folder, "key.pem"), key.ExportPkcs8PrivateKeyPem());
        return X509CertificateLoader.LoadCertificate(certificate.Export(X509ContentType.Cert));
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
