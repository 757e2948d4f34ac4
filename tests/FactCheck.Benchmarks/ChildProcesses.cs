using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace FactCheck.Benchmarks;

/// The processes a loopback scenario starts. Each is killed with its children when the scenario ends, fails or is
/// interrupted (Ctrl+C or SIGTERM), and keeps its last lines of output for the message when it dies early.
public sealed class ChildProcesses : IAsyncDisposable
{
    private readonly List<RunningProcess> children = [];
    private readonly Lock gate = new();

    public ChildProcesses()
    {
        AppDomain.CurrentDomain.ProcessExit += KillAll;
    }

    public RunningProcess Start(string name, string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, int keepLines = 40, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new ScenarioFailedException($"Could not start {fileName}.");
        var child = new RunningProcess(name, process, keepLines);
        process.OutputDataReceived += (_, e) => child.Record(e.Data);
        process.ErrorDataReceived += (_, e) => child.Record(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        lock (gate)
        {
            children.Add(child);
        }

        return child;
    }

    /// Runs a command to its end and returns its output; a non-zero exit fails the scenario.
    public async Task<string> RunAsync(string name, string fileName, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var child = Start(name, fileName, arguments, keepLines: 400);
        await child.Process.WaitForExitAsync(cancellationToken);
        return child.Process.ExitCode == 0
            ? child.Output
            : throw new ScenarioFailedException($"{name} exited with code {child.Process.ExitCode}:\n{child.Output}");
    }

    /// Polls the address until it answers 200, failing early if the server process has died.
    public static async Task WaitUntilAnswersAsync(RunningProcess server, string url, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            server.EnsureRunning();
            try
            {
                using var response = await client.GetAsync(new Uri(url), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (deadline.Elapsed > timeout)
            {
                throw new ScenarioFailedException($"{server.Name} did not answer {url} within {timeout.TotalSeconds:F0} s:\n{server.Output}");
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// A tool on the PATH, or in the sbin folders Debian installs daemons to (nginx), which a login shell may omit.
    public static string? FindTool(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/sbin", "/usr/bin"])
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= KillAll;
        KillAll(null, EventArgs.Empty);
        foreach (var child in Snapshot())
        {
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await child.Process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                Console.Error.WriteLine($"{child.Name} (pid {child.Process.Id}) did not exit within 10 s of being killed.");
            }

            child.Process.Dispose();
        }
    }

    private List<RunningProcess> Snapshot()
    {
        lock (gate)
        {
            return [.. children];
        }
    }

    private void KillAll(object? sender, EventArgs e)
    {
        foreach (var child in Snapshot())
        {
            try
            {
                if (!child.Process.HasExited)
                {
                    child.Process.Kill(entireProcessTree: true);
                }
            }
            catch (InvalidOperationException)
            {
                // Exited between the check and the kill.
            }
        }
    }
}

public sealed class RunningProcess(string name, Process process, int keepLines)
{
    private readonly Queue<string> lines = new();

    public string Name => name;

    public Process Process => process;

    public string Output
    {
        get
        {
            lock (lines)
            {
                return string.Join('\n', lines);
            }
        }
    }

    public void EnsureRunning()
    {
        if (process.HasExited)
        {
            throw new ScenarioFailedException($"{name} exited with code {process.ExitCode}:\n{Output}");
        }
    }

    internal void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (lines)
        {
            lines.Enqueue(line);
            if (lines.Count > keepLines)
            {
                lines.Dequeue();
            }
        }
    }
}

public sealed class ScenarioFailedException(string message) : Exception(message);
