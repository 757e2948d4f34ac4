using FactCheck.Web.Infrastructure;

namespace FactCheck.Web.Features.Dashboard;

/// The editor dashboard computed once per filter and shared by every open dashboard showing that filter, until a claim
/// changes or MaxAge passes (deadlines move with the clock). When a change reaches 200 open dashboards, the queries run
/// once per distinct filter, not once per circuit. Readers still go through the mediator, so each is authorised.
public sealed class DashboardSnapshots : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);
    private const int MaxEntries = 64;

    private readonly Lock gate = new();
    private readonly Dictionary<DashboardFilter, Entry> entries = [];
    private readonly TimeProvider clock;
    private readonly ClaimChangeNotifier notifier;
    private long generation;

    public DashboardSnapshots(TimeProvider clock, ClaimChangeNotifier notifier)
    {
        this.clock = clock;
        this.notifier = notifier;
        notifier.Changed += OnChanged;
    }

    public long Generation => Interlocked.Read(ref generation);

    public async Task<DeskDashboard> GetAsync(DashboardFilter filter, Func<Task<DeskDashboard>> compute, CancellationToken cancellationToken)
    {
        Task<DeskDashboard> task;
        lock (gate)
        {
            var now = clock.GetUtcNow();
            if (!entries.TryGetValue(filter, out var entry) || entry.Generation != generation || now - entry.At > MaxAge || entry.Task.IsFaulted || entry.Task.IsCanceled)
            {
                if (entries.Count >= MaxEntries)
                {
                    entries.Remove(entries.MinBy(e => e.Value.At).Key);
                }

                // Not the caller's token: other dashboards may be waiting on the same computation.
                entry = new Entry(generation, now, Task.Run(compute, CancellationToken.None));
                entries[filter] = entry;
            }

            task = entry.Task;
        }

        return await task.WaitAsync(cancellationToken);
    }

    private Task OnChanged(IReadOnlyCollection<long> claimIds)
    {
        lock (gate)
        {
            generation++;
        }

        return Task.CompletedTask;
    }

    public void Dispose() => notifier.Changed -= OnChanged;

    private sealed record Entry(long Generation, DateTimeOffset At, Task<DeskDashboard> Task);
}
