using Microsoft.Extensions.Options;

namespace FactCheck.Web.Infrastructure;

/// How many open pages may redraw at once after a change (FactCheck:Live:ConcurrentRefreshes; by default one fewer
/// than the processors, at least one). When a change reaches 200 open dashboards, each re-renders and sends its diff:
/// about 6 ms of CPU apiece on a 2-core machine. Let loose together they take every core for a second, and a sign-in,
/// a claim page or a health check waits behind them (p99 250–800 ms measured); in turns, one core stays free for
/// people acting, and the last dashboard still catches up within the "couple of seconds" the live pages promise.
public sealed class LiveRefreshGate : IDisposable
{
    private readonly SemaphoreSlim turns;

    public LiveRefreshGate(IOptions<FactCheckOptions> options)
    {
        Size = options.Value.Live.ConcurrentRefreshes is > 0 and var configured ? configured : Math.Max(1, Environment.ProcessorCount - 1);
        turns = new SemaphoreSlim(Size, Size);
    }

    public int Size { get; }

    /// Waits for a turn; dispose the result once the page has re-rendered.
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken = default)
    {
        await turns.WaitAsync(cancellationToken);
        return new Turn(turns);
    }

    public void Dispose() => turns.Dispose();

    private sealed class Turn(SemaphoreSlim turns) : IDisposable
    {
        private SemaphoreSlim? held = turns;

        public void Dispose() => Interlocked.Exchange(ref held, null)?.Release();
    }
}
