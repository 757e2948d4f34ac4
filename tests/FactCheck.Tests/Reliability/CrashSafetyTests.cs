using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;

namespace FactCheck.Tests.Reliability;

/// The real app in a process of its own on 127.0.0.1, killed with SIGKILL in the middle of a burst of API writes from
/// several clients, then started again on the same database, at several kill points. Every write that was
/// acknowledged (201) must be there with its audit row, nothing half-written may exist, and SQLite's integrity check
/// must pass: commits are durable (WAL, synchronous=FULL) and every command is one transaction.
public sealed class CrashSafetyTests(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    private const string Password = "crash-Demo-Password-1";
    private readonly string folder = Path.Combine(Path.GetTempPath(), "factcheck-crash-" + Guid.NewGuid().ToString("N"));

    private string Database => Path.Combine(folder, "factcheck.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a dying process; the temp folder is cleaned by the system.
        }
    }

    [Fact]
    public async Task Every_acknowledged_write_survives_a_kill_at_three_points_of_a_burst()
    {
        Directory.CreateDirectory(folder);
        var acknowledged = new List<long>();
        var attempted = 0;
        foreach (var killAfter in new[] { 15, 40, 70 })
        {
            using var app = await AppProcess.StartAsync(folder, Database, Password);
            var clients = new List<HttpClient>();
            foreach (var user in new[] { "checker", "checker2", "editor", "editor2" })
            {
                clients.Add(await app.ClientAsync(user, Password));
            }

            var ids = new List<long>();
            using var killed = new CancellationTokenSource();
            async Task WriteAsync(HttpClient client, int writer)
            {
                for (var i = 0; !killed.IsCancellationRequested; i++)
                {
                    Interlocked.Increment(ref attempted);
                    HttpResponseMessage response;
                    try
                    {
                        response = await client.PostAsJsonAsync("/api/claims", new
                        {
                            title = $"Written before the crash {writer}-{i}",
                            text = $"Ditulis sebelum mati {writer}-{i} {Guid.NewGuid():N}",
                            language = "id",
                            claimantName = $"Crash Ministry {writer}",
                            claimantKind = "government",
                            kind = "statement",
                            topics = new[] { "crash-test" },
                        });
                    }
                    catch (HttpRequestException)
                    {
                        return; // the process died under this request: it was never acknowledged
                    }

                    if (response.StatusCode != HttpStatusCode.Created)
                    {
                        throw new InvalidOperationException($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                    }

                    var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
                    lock (ids)
                    {
                        ids.Add(id);
                        if (ids.Count == killAfter)
                        {
                            app.Kill();
                            killed.Cancel();
                        }
                    }
                }
            }

            await Task.WhenAll(clients.Select((client, writer) => WriteAsync(client, writer)));
            await app.WaitForExitAsync();
            Assert.True(ids.Count >= killAfter, $"only {ids.Count} writes before the kill at {killAfter}");
            acknowledged.AddRange(ids);

            await AssertNothingLostAsync(acknowledged);
            output.WriteLine($"killed after {killAfter}: {ids.Count} acknowledged, {acknowledged.Count} in all, {Volatile.Read(ref attempted)} attempted, none lost");
        }

        // And the app starts again on the database it was killed on.
        using (var again = await AppProcess.StartAsync(folder, Database, Password))
        {
            using var client = await again.ClientAsync("editor", Password);
            foreach (var id in acknowledged.TakeLast(5))
            {
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/claims/{id}")).StatusCode);
            }

            again.Kill();
            await again.WaitForExitAsync();
        }
    }

    private async Task AssertNothingLostAsync(List<long> acknowledged)
    {
        SqliteConnection.ClearAllPools();
        await using var connection = new SqliteConnection($"Data Source={Database};Pooling=False");
        await connection.OpenAsync();
        Assert.Equal("ok", await connection.ExecuteScalarAsync<string>("PRAGMA integrity_check"));
        Assert.Empty(await connection.QueryAsync<string>("SELECT \"table\" FROM pragma_foreign_key_check"));
        var present = (await connection.QueryAsync<long>("SELECT id FROM claims")).ToHashSet();
        var lost = acknowledged.Where(id => !present.Contains(id)).ToList();
        Assert.True(lost.Count == 0, "acknowledged but lost: " + string.Join(", ", lost));
        // Nothing half-written: every claim of the burst has its audit row and its topic, and every audit row its claim.
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>(
            """
            SELECT count(*) FROM claims c
            WHERE c.title LIKE 'Written before the crash%'
              AND (NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity = 'claim' AND a.entity_id = CAST(c.id AS TEXT))
                   OR NOT EXISTS (SELECT 1 FROM claim_topics t WHERE t.claim_id = c.id AND t.topic = 'crash-test'))
            """));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM audit_log a WHERE a.entity = 'claim' AND NOT EXISTS (SELECT 1 FROM claims c WHERE CAST(c.id AS TEXT) = a.entity_id)"));
    }

    /// FactCheck.Web as it runs in production: its own process, Kestrel on a free loopback port, the database file.
    private sealed class AppProcess : IDisposable
    {
        private readonly Process process;

        private AppProcess(Process process, Uri address)
        {
            this.process = process;
            Address = address;
        }

        public Uri Address { get; }

        public static async Task<AppProcess> StartAsync(string folder, string database, string password)
        {
            var repo = new DirectoryInfo(AppContext.BaseDirectory);
            while (!File.Exists(Path.Combine(repo.FullName, "FactCheck.sln")))
            {
                repo = repo.Parent ?? throw new InvalidOperationException("FactCheck.sln not found above " + AppContext.BaseDirectory);
            }

            // tests/FactCheck.Tests/bin/<Configuration>/net10.0/: the app built alongside, in the same configuration.
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            var project = Path.Combine(repo.FullName, "src", "FactCheck.Web");
            var dll = Path.Combine(project, "bin", configuration, "net10.0", "FactCheck.Web.dll");
            if (!File.Exists(dll))
            {
                throw new InvalidOperationException($"{dll} is not built.");
            }

            var info = new ProcessStartInfo("dotnet", [dll, "--urls", "http://127.0.0.1:0"])
            {
                WorkingDirectory = project,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            info.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
            info.Environment["ConnectionStrings__FactCheck"] = $"Data Source={database}";
            info.Environment["FactCheck__DemoData"] = "true";
            info.Environment["FactCheck__DemoPassword"] = password;
            info.Environment["FactCheck__Jobs__Enabled"] = "false";
            info.Environment["FactCheck__PublicUrl"] = "https://factcheck.example";
            // As in production behind a TLS proxy on this machine: the clients say they came over HTTPS.
            info.Environment["FactCheck__ReverseProxy__KnownProxies"] = "127.0.0.1";
            info.Environment["FactCheck__Security__LoginRequestsPerMinute"] = "10000";
            info.Environment["Logging__LogLevel__Default"] = "Warning";
            info.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";

            var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
            var output = new System.Text.StringBuilder();
            var process = new Process { StartInfo = info, EnableRaisingEvents = true };
            void Read(object sender, DataReceivedEventArgs e)
            {
                if (e.Data is not { } line)
                {
                    return;
                }

                lock (output)
                {
                    output.AppendLine(line);
                }

                var at = line.IndexOf("Now listening on: ", StringComparison.Ordinal);
                if (at >= 0)
                {
                    listening.TrySetResult(new Uri(line[(at + "Now listening on: ".Length)..].Trim()));
                }
            }

            process.OutputDataReceived += Read;
            process.ErrorDataReceived += Read;
            process.Exited += (_, _) =>
            {
                process.WaitForExit(); // the rest of its output
                listening.TrySetException(new InvalidOperationException($"FactCheck.Web exited ({process.ExitCode}) before listening:\n{output}"));
            };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            try
            {
                return new AppProcess(process, await listening.Task.WaitAsync(TimeSpan.FromSeconds(60)));
            }
            catch
            {
                process.Kill(entireProcessTree: true);
                process.Dispose();
                throw;
            }
        }

        public Task<HttpClient> ClientAsync(string username, string password) =>
            TestApp.SignInWithTokenAsync(new HttpClient { BaseAddress = Address, DefaultRequestHeaders = { { "X-Forwarded-Proto", "https" } } }, username, password);

        /// SIGKILL: no shutdown, no flush, no finally blocks.
        public void Kill() => process.Kill(entireProcessTree: true);

        public Task WaitForExitAsync() => process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        public void Dispose()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.Dispose();
        }
    }
}
