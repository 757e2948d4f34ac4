using FactCheck.Web.Infrastructure;

namespace FactCheck.Web.Features.Dashboard;

/// The editor dashboard computed once per filter and shared by every open dashboard showing that filter, until a claim
/// changes or MaxAge passes (deadlines move with the clock). When a change reaches 200 open dashboards, the queries run
/// once per distinct filter, not once per circuit. Readers still go through the mediator, so each is authorised.
/// The history part and the filter pickers are kept longer, keyed by what they depend on (HistoryStamp), so a change
/// that leaves them alone re-reads only where the open claims are.
public sealed class DashboardSnapshots : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan HistoryMaxAge = TimeSpan.FromMinutes(10);
    private const int MaxEntries = 64;

    private readonly Shared<DashboardFilter, DeskDashboard> dashboards;
    private readonly Shared<(DashboardFilter, DateOnly, HistoryStamp), DeskHistory> histories;
    private readonly Shared<long, (IReadOnlyList<string>, IReadOnlyList<string>)> pickers;
    private readonly ClaimChangeNotifier notifier;
    private readonly Lock lastGate = new();
    private readonly Dictionary<DashboardFilter, DeskDashboard> last = [];
    private long generation;

    public DashboardSnapshots(TimeProvider clock, ClaimChangeNotifier notifier)
    {
        this.notifier = notifier;
        dashboards = new(clock, MaxAge);
        histories = new(clock, HistoryMaxAge);
        pickers = new(clock, HistoryMaxAge);
        notifier.Changed += OnChanged;
    }

    public long Generation => Interlocked.Read(ref generation);

    public Task<DeskDashboard> GetAsync(DashboardFilter filter, Func<Task<DeskDashboard>> compute, CancellationToken cancellationToken) =>
        dashboards.GetAsync(filter, Generation, async () => KeepUnchangedCards(filter, await compute()), cancellationToken);

    public Task<DeskHistory> HistoryAsync(DashboardFilter filter, DateOnly today, HistoryStamp stamp, Func<Task<DeskHistory>> compute) =>
        histories.GetAsync((filter, today, stamp), 0, compute, CancellationToken.None);

    public Task<(IReadOnlyList<string> Topics, IReadOnlyList<string> Languages)> PickersAsync(long lastClaim, Func<Task<(IReadOnlyList<string>, IReadOnlyList<string>)>> compute) =>
        pickers.GetAsync(lastClaim, 0, compute, CancellationToken.None);

    /// The fresh snapshot with every card whose numbers did not change taken from the previous one (see SnapshotReuse).
    private DeskDashboard KeepUnchangedCards(DashboardFilter filter, DeskDashboard fresh)
    {
        lock (lastGate)
        {
            var shared = SnapshotReuse.Reuse(fresh, last.GetValueOrDefault(filter));
            if (last.Count >= MaxEntries && !last.ContainsKey(filter))
            {
                last.Clear();
            }

            last[filter] = shared;
            return shared;
        }
    }

    private Task OnChanged(IReadOnlyCollection<long> claimIds)
    {
        Interlocked.Increment(ref generation);
        return Task.CompletedTask;
    }

    public void Dispose() => notifier.Changed -= OnChanged;

    /// One computation per key and generation, shared by everyone asking meanwhile; a failed one is not kept.
    private sealed class Shared<TKey, TValue>(TimeProvider clock, TimeSpan maxAge)
        where TKey : notnull
    {
        private readonly Lock gate = new();
        private readonly Dictionary<TKey, Entry> entries = [];

        public async Task<TValue> GetAsync(TKey key, long generation, Func<Task<TValue>> compute, CancellationToken cancellationToken)
        {
            Task<TValue> task;
            lock (gate)
            {
                var now = clock.GetUtcNow();
                if (!entries.TryGetValue(key, out var entry) || entry.Generation != generation || now - entry.At > maxAge || entry.Task.IsFaulted || entry.Task.IsCanceled)
                {
                    if (entries.Count >= MaxEntries)
                    {
                        entries.Remove(entries.MinBy(e => e.Value.At).Key);
                    }

                    // Not the caller's token: others may be waiting on the same computation.
                    entry = new Entry(generation, now, Task.Run(compute, CancellationToken.None));
                    entries[key] = entry;
                }

                task = entry.Task;
            }

            return await task.WaitAsync(cancellationToken);
        }

        private sealed record Entry(long Generation, DateTimeOffset At, Task<TValue> Task);
    }
}
