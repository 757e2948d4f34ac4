using System.Buffers;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FactCheck.Benchmarks;

/// One browser tab's circuit, without a browser: it reads the page's markers, starts the circuit, acknowledges
/// render batches and answers JS interop calls with success and no value. It does not apply the batches.
/// Used by the dashboard scenario (DashboardCircuits) and the load scenario (LoadScenario).
public sealed partial class BlazorCircuit(Uri baseUri, CookieContainer cookies, bool log) : IAsyncDisposable
{
    private readonly TaskCompletionSource firstRender = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private HubConnection? hub;
    private TaskCompletionSource<long>? next;
    private long renderBatches;
    private long jsCalls;

    public string? Error { get; private set; }

    public long RenderBatches => Interlocked.Read(ref renderBatches);

    public long JsCalls => Interlocked.Read(ref jsCalls);

    public bool Connected => Error is null && hub?.State == HubConnectionState.Connected;

    public async Task StartAsync(HttpClient browser, string path)
    {
        var page = new Uri(baseUri, path);
        var html = await browser.GetStringAsync(page);
        var markers = ComponentMarker().Matches(html).Select(m => m.Groups[1].Value)
            .Where(json => json.Contains("\"descriptor\"", StringComparison.Ordinal)).ToList();
        if (markers.Count == 0)
        {
            throw new ScenarioFailedException($"/{path} has no interactive server components: not signed in, or not interactive?");
        }

        var state = ServerState().Match(html) is { Success: true } s ? s.Groups[1].Value : "";
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(baseUri, "_blazor"), o =>
            {
                o.Cookies = cookies;
                o.Headers[TlsProxy.Header] = "https";
                o.Transports = HttpTransportType.WebSockets;
            });
        builder.Services.AddSingleton<IHubProtocol, BlazorPackProtocol>();
        if (log)
        {
            builder.Services.AddLogging(l => l.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        }

        hub = builder.Build();
        hub.On<long, byte[]>("JS.RenderBatch", OnRenderBatchAsync);

        // (asyncHandle, identifier, argsJson, resultType, targetInstanceId, callType): answered as done, no value.
        hub.On("JS.BeginInvokeJS", [typeof(long), typeof(string), typeof(string), typeof(int), typeof(long), typeof(int)], async args =>
        {
            var handle = (long)args[0]!;
            Interlocked.Increment(ref jsCalls);
            if (handle != 0)
            {
                await SendAsync("EndInvokeJSFromDotNet", handle, true, $"[{handle},true,null]");
            }
        });
        hub.On("JS.AttachComponent", [typeof(int), typeof(string)], _ => Task.CompletedTask);
        hub.On("JS.EndUpdateRootComponents", [typeof(long)], _ => Task.CompletedTask);
        hub.On("JS.EndInvokeDotNet", [typeof(string), typeof(bool), typeof(string)], _ => Task.CompletedTask);
        hub.On<string>("JS.Error", message => Fail("JS.Error: " + message));
        hub.Closed += ex =>
        {
            Fail("connection closed" + (ex is null ? "" : ": " + ex.Message));
            return Task.CompletedTask;
        };

        await hub.StartAsync();
        var circuitId = await hub.InvokeAsync<string?>("StartCircuit", baseUri.ToString(), page.ToString(), "[]", state);
        if (string.IsNullOrEmpty(circuitId))
        {
            throw new ScenarioFailedException("StartCircuit answered no circuit id.");
        }

        // What blazor.web.js sends once the renderer is attached: add every prerendered root component.
        var operations = markers.Select((json, i) => new { type = "add", ssrComponentId = i + 1, marker = JsonDocument.Parse(json).RootElement });
        await hub.SendAsync("UpdateRootComponents", JsonSerializer.Serialize(new { batchId = 1, operations }), state);
        await firstRender.Task.WaitAsync(TimeSpan.FromSeconds(60));
        if (Error is not null)
        {
            throw new ScenarioFailedException(Error);
        }
    }

    /// Signs a staff member in through the real /login form, antiforgery token included; the cookie the browser's
    /// container then holds serves every circuit opened with it.
    public static async Task SignInAsync(HttpClient browser, CookieContainer cookies, string username, string password)
    {
        var page = await browser.GetStringAsync("/login");
        TlsProxy.KeepSecureCookies(cookies);
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        using var response = await browser.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["Input.Username"] = username,
            ["Input.Password"] = password,
        }));
        TlsProxy.KeepSecureCookies(cookies);
        using var signedIn = await browser.GetAsync("/dashboard");
        if (response.StatusCode != HttpStatusCode.Redirect || signedIn.StatusCode != HttpStatusCode.OK)
        {
            throw new ScenarioFailedException(
                $"Signing in as {username} failed: /login answered {(int)response.StatusCode}, then /dashboard {(int)signedIn.StatusCode}.");
        }
    }

    /// Opens `count` circuits, 8 at a time (page(i) names the i-th one's page), with the signed-in browser's cookies.
    /// Every circuit is returned, opened or not, so the caller disposes them all; Errors groups the failures.
    public static async Task<OpenedCircuits> OpenAsync(Uri baseUri, CookieContainer cookies, HttpClient browser, int count, Func<int, string> page)
    {
        var circuits = new List<BlazorCircuit>();
        var opening = Stopwatch.StartNew();
        using var gate = new SemaphoreSlim(8);
        var opened = await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                var circuit = new BlazorCircuit(baseUri, cookies, log: i == 0);
                lock (circuits)
                {
                    circuits.Add(circuit);
                }

                await circuit.StartAsync(browser, page(i));
                return (string?)null;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                return ex.Message;
            }
            finally
            {
                gate.Release();
            }
        }));
        return new OpenedCircuits(
            circuits, opened.Count(e => e is null), opening.Elapsed.TotalSeconds,
            opened.Where(e => e is not null).GroupBy(e => e!).Select(g => $"{g.Count()}× {g.Key}").ToList());
    }

    /// Completes with the Stopwatch timestamp of the next render batch this circuit receives.
    public Task<long> NextRenderAsync()
    {
        var wait = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref next, wait);
        return wait.Task;
    }

    private async Task OnRenderBatchAsync(long batchId, byte[] batch)
    {
        var at = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref renderBatches);
        Interlocked.Exchange(ref next, null)?.TrySetResult(at);
        firstRender.TrySetResult();

        // Unacknowledged batches make the server stop rendering this circuit after a few.
        await SendAsync("OnRenderCompleted", batchId, null);
    }

    private async Task SendAsync(string method, params object?[] args)
    {
        try
        {
            await hub!.SendCoreAsync(method, args);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Fail($"{method} failed: {ex.Message}");
        }
    }

    private void Fail(string message)
    {
        Error ??= message;
        firstRender.TrySetResult();
    }

    public async ValueTask DisposeAsync()
    {
        if (hub is not null)
        {
            await hub.DisposeAsync();
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex(@"<!--Blazor:(\{.*?\})-->", RegexOptions.Singleline)]
    private static partial Regex ComponentMarker();

    [GeneratedRegex(@"<!--Blazor-Server-Component-State:([A-Za-z0-9+/=]*)-->")]
    private static partial Regex ServerState();
}

/// The circuits an OpenAsync call started (all of them, to dispose), how many opened, how long that took, what failed.
public sealed record OpenedCircuits(List<BlazorCircuit> All, int Opened, double Seconds, List<string> Errors);

/// Blazor's hub speaks only "blazorpack" (version 1): SignalR's MessagePack protocol under another name.
internal sealed class BlazorPackProtocol : IHubProtocol
{
    private readonly MessagePackHubProtocol inner = new();

    public string Name => "blazorpack";

    public int Version => 1;

    public TransferFormat TransferFormat => TransferFormat.Binary;

    public bool IsVersionSupported(int version) => version == Version;

    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message) =>
        inner.TryParseMessage(ref input, binder, out message);

    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => inner.WriteMessage(message, output);

    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => inner.GetMessageBytes(message);
}
