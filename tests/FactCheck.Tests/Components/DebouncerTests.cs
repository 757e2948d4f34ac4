using FactCheck.Web.Components;
using Microsoft.Extensions.Time.Testing;

namespace FactCheck.Tests.Components;

/// The live pages' wait for a pause in changes: one run per burst, and, with a longest wait, at least one run that
/// often however long the burst goes on (a busy desk changes claims many times a second and never pauses).
public sealed class DebouncerTests
{
    /// Calls every 100 ms for 3 s (the clock moves only when told), then a pause; returns which calls ran.
    private static async Task<List<int>> BurstAsync(int maxWaitMilliseconds)
    {
        var clock = new FakeTimeProvider();
        using var debouncer = new Debouncer(clock);
        var calls = new List<Task<CancellationToken?>>();
        for (var i = 0; i < 30; i++)
        {
            calls.Add(debouncer.WaitAsync(400, maxWaitMilliseconds));
            clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        clock.Advance(TimeSpan.FromSeconds(1));
        var results = await Task.WhenAll(calls);
        return [.. Enumerable.Range(0, results.Length).Where(i => results[i] is not null)];
    }

    [Fact]
    public async Task Without_a_longest_wait_only_the_last_call_of_a_burst_runs()
    {
        Assert.Equal([29], await BurstAsync(Timeout.Infinite));
    }

    [Fact]
    public async Task With_a_longest_wait_a_burst_that_never_pauses_still_runs_that_often()
    {
        // Call 14 (at 1,400 ms) waits only the 100 ms left of the longest wait and runs 1.5 s after the burst
        // began; call 15 starts the next burst, whose last call (29) runs when the pause comes.
        Assert.Equal([14, 29], await BurstAsync(1500));
    }

    [Fact]
    public async Task A_call_after_a_pause_waits_for_the_next_pause_again()
    {
        var clock = new FakeTimeProvider();
        using var debouncer = new Debouncer(clock);
        var first = debouncer.WaitAsync(400, 1500);
        clock.Advance(TimeSpan.FromMilliseconds(400));
        Assert.NotNull(await first);

        // The earlier burst ended and ran: this one gets its full wait, not what was left of the old longest wait.
        clock.Advance(TimeSpan.FromSeconds(5));
        var second = debouncer.WaitAsync(400, 1500);
        clock.Advance(TimeSpan.FromMilliseconds(399));
        Assert.False(second.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.NotNull(await second);
    }
}
