using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

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

    /// The line a process prints once it is ready: ASP.NET Core's lifetime message (the app and the Kestrel peer log
    /// Microsoft.Hosting.Lifetime at Information), nginx's notice that its worker started (after it has bound the port).
    public const string KestrelReady = "Application started.";
    public const string NginxReady = "start worker process";

    /// Waits for the server's ready line (failing at once if it dies first), then checks the address answers 200.
    public static async Task WaitUntilReadyAsync(RunningProcess server, string readyLine, string url, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await server.WaitForLineAsync(readyLine, timeout, cancellationToken);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var response = await client.GetAsync(new Uri(url), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new ScenarioFailedException($"{server.Name} answered {url} with {(int)response.StatusCode} once ready:\n{server.Output}");
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
    private readonly List<(string Text, TaskCompletionSource Seen)> awaited = [];

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

    /// Completes when the process prints a line containing the text (or has printed it already); fails if the
    /// process exits first or the timeout passes.
    public async Task WaitForLineAsync(string text, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (lines)
        {
            if (lines.Any(l => l.Contains(text, StringComparison.Ordinal)))
            {
                return;
            }

            awaited.Add((text, seen));
        }

        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        var exited = process.WaitForExitAsync(timer.Token);
        var first = await Task.WhenAny(seen.Task, exited);
        if (first == seen.Task)
        {
            return;
        }

        EnsureRunning();
        cancellationToken.ThrowIfCancellationRequested();
        throw new ScenarioFailedException($"{name} did not print \"{text}\" within {timeout.TotalSeconds:F0} s:\n{Output}");
    }

    internal void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (lines)
        {
            foreach (var wait in awaited.Where(w => line.Contains(w.Text, StringComparison.Ordinal)).ToList())
            {
                awaited.Remove(wait);
                wait.Seen.TrySetResult();
            }

            lines.Enqueue(line);
            if (lines.Count > keepLines)
            {
                lines.Dequeue();
            }
        }
    }
}

public sealed class ScenarioFailedException(string message) : Exception(message);

/// Ctrl+C, SIGTERM and SIGHUP cancel Token instead of ending the process at once, so that a scenario's `await using`
/// of its ChildProcesses stops every server it started (without a handler SIGTERM and SIGHUP would leave them running).
public sealed class ScenarioInterruption : IDisposable
{
    private readonly CancellationTokenSource interrupted = new();
    private readonly PosixSignalRegistration terminated;
    private readonly PosixSignalRegistration hungUp;

    public ScenarioInterruption()
    {
        Console.CancelKeyPress += OnCancel;
        terminated = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        hungUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, OnSignal);
    }

    public CancellationToken Token => interrupted.Token;

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancel;
        terminated.Dispose();
        hungUp.Dispose();
        interrupted.Dispose();
    }

    private void OnCancel(object? sender, ConsoleCancelEventArgs e)
    {
        e.Cancel = true;
        interrupted.Cancel();
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        interrupted.Cancel();
    }
}
