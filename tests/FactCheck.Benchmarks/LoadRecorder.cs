using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;

namespace FactCheck.Benchmarks;

/// What the load scenario's virtual users measured, per request class: the latency (Stopwatch, from sending the
/// request to the last byte of the answer) of every request started inside the measured window, whether a public page
/// came from the output cache (an Age header), and every error at any time, warm-up included, with its first examples.
/// An error is any status other than the one the request expects (200, or 201 for a creation), a socket error or no
/// answer within the client's timeout.
public sealed class LoadRecorder
{
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    /// Class names start with one of these: readers' public pages, staff's API requests.
    public const string PagePrefix = "page";
    public const string ApiPrefix = "api";

    private const int Examples = 5;

    private readonly Dictionary<string, RequestClass> classes = new(StringComparer.Ordinal);
    private long windowStart = long.MaxValue;
    private long windowEnd = long.MaxValue;

    /// Classes are reported in the order they are declared.
    public LoadRecorder(IEnumerable<string> requestClasses)
    {
        foreach (var name in requestClasses)
        {
            classes[name] = new RequestClass(name);
        }
    }

    public long TotalErrors => classes.Values.Sum(c => c.Errors);

    public long MeasuredRequests => classes.Values.Sum(c => c.Timing().Samples.Length);

    public void StartWindow() => Interlocked.Exchange(ref windowStart, Stopwatch.GetTimestamp());

    public void EndWindow() => Interlocked.Exchange(ref windowEnd, Stopwatch.GetTimestamp());

    public double WindowSeconds => Stopwatch.GetElapsedTime(Interlocked.Read(ref windowStart), Interlocked.Read(ref windowEnd)).TotalSeconds;

    /// An answer that came with the expected status but not with what the scenario needs from it.
    public void Fail(string requestClass, string description) => classes[requestClass].Fail(description);

    /// Sends one request, reads its whole answer, and records it under the class; null when it failed (recorded).
    public async Task<byte[]?> SendAsync(
        HttpClient client, string requestClass, HttpMethod method, string path, AuthenticationHeaderValue? token, object? body,
        HttpStatusCode expected, CancellationToken interrupted)
    {
        var recorded = classes[requestClass];
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = token;
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, interrupted);
            var bytes = await response.Content.ReadAsByteArrayAsync(interrupted);
            var milliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (response.StatusCode != expected)
            {
                var text = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 300)).ReplaceLineEndings(" ");
                recorded.Fail($"{method} {path} answered {(int)response.StatusCode} (expected {(int)expected}): {text}");
                return null;
            }

            var windowOpened = Interlocked.Read(ref windowStart);
            if (started >= windowOpened && started < Interlocked.Read(ref windowEnd))
            {
                recorded.Add(milliseconds, response.Headers.Age is not null);
            }

            return bytes;
        }
        catch (HttpRequestException ex)
        {
            recorded.Fail($"{method} {path}: {ex.Message}{(ex.InnerException is { } inner ? " (" + inner.Message + ")" : "")}");
        }
        catch (TaskCanceledException) when (!interrupted.IsCancellationRequested)
        {
            recorded.Fail($"{method} {path}: no answer within {RequestTimeout.TotalSeconds:F0} s");
        }

        return null;
    }

    /// The table: per class the requests started in the window, their rate, p50/p99/max latency, the errors at any time
    /// (warm-up included) and, for public pages, the share served from the output cache.
    public void AppendMarkdown(StringBuilder text)
    {
        var inv = CultureInfo.InvariantCulture;
        var seconds = WindowSeconds;
        text.AppendLine("| requests | count | req/s | p50 ms | p99 ms | max ms | errors | from cache |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var c in classes.Values)
        {
            var timing = c.Timing();
            var cached = c.Name.StartsWith(PagePrefix, StringComparison.Ordinal) ? $"{100.0 * c.CacheHits / Math.Max(1, timing.Samples.Length):F0} %" : "";
            text.AppendLine(inv, $"| {c.Name} | {timing.Samples.Length:N0} | {timing.Samples.Length / seconds:N1} | {timing.P50:F1} | {timing.P99:F1} | {timing.Max:F1} | {c.Errors} | {cached} |");
        }

        foreach (var group in new[] { PagePrefix, ApiPrefix })
        {
            var all = DashboardScenario.Timing.Of(classes.Values.Where(c => c.Name.StartsWith(group, StringComparison.Ordinal)).SelectMany(c => c.Timing().Samples), 0, 0);
            var errors = classes.Values.Where(c => c.Name.StartsWith(group, StringComparison.Ordinal)).Sum(c => c.Errors);
            text.AppendLine(inv, $"| **all {(group == PagePrefix ? "readers' pages" : "staff API requests")}** | {all.Samples.Length:N0} | {all.Samples.Length / seconds:N1} | {all.P50:F1} | {all.P99:F1} | {all.Max:F1} | {errors} | |");
        }

        text.AppendLine();
        foreach (var c in classes.Values.Where(c => c.FirstErrors.Count > 0))
        {
            text.AppendLine(inv, $"Errors of {c.Name} ({c.Errors}), the first {c.FirstErrors.Count}:");
            foreach (var error in c.FirstErrors)
            {
                text.AppendLine(inv, $"- {error}");
            }

            text.AppendLine();
        }
    }

    private sealed class RequestClass(string name)
    {
        private readonly List<double> samples = [];
        private long errors;

        public string Name => name;

        public long Errors => Interlocked.Read(ref errors);

        public long CacheHits { get; private set; }

        public List<string> FirstErrors { get; } = [];

        public void Add(double milliseconds, bool cacheHit)
        {
            lock (samples)
            {
                samples.Add(milliseconds);
                CacheHits += cacheHit ? 1 : 0;
            }
        }

        public void Fail(string description)
        {
            Interlocked.Increment(ref errors);
            lock (FirstErrors)
            {
                if (FirstErrors.Count < Examples)
                {
                    FirstErrors.Add(description);
                }
            }
        }

        public DashboardScenario.Timing Timing()
        {
            lock (samples)
            {
                return DashboardScenario.Timing.Of(samples, 0, 0);
            }
        }
    }
}
