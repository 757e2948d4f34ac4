namespace FactCheck.Web.Components;

/// Waits until a burst of calls pauses: each call cancels the wait before it, so only the last one's work runs.
/// With a longest wait, a burst that never pauses (a busy desk changing claims many times a second) still gets its
/// work run at least that often: the call that comes when the longest wait is used up runs at once.
public sealed class Debouncer(TimeProvider? clock = null) : IDisposable
{
    private readonly TimeProvider clock = clock ?? TimeProvider.System;
    private CancellationTokenSource? pending;
    private long burstStarted;
    private long firesAt;

    /// The token of this call once the pause has passed (cancelled when a newer one comes), or null if a newer one
    /// came first. maxWaitMilliseconds bounds how long the first call of a burst can be put off.
    public async Task<CancellationToken?> WaitAsync(int milliseconds, int maxWaitMilliseconds = Timeout.Infinite)
    {
        pending?.Cancel();
        pending?.Dispose();
        pending = new CancellationTokenSource();
        var token = pending.Token;

        // Decided now, not after the wait, so calls need no state of their own: if the previous call's wait had
        // already ended (it ran), this call starts a new burst.
        var now = clock.GetTimestamp();
        if (burstStarted == 0 || now >= firesAt)
        {
            burstStarted = now;
        }

        var delay = TimeSpan.FromMilliseconds(milliseconds);
        if (maxWaitMilliseconds != Timeout.Infinite)
        {
            var left = TimeSpan.FromMilliseconds(maxWaitMilliseconds) - clock.GetElapsedTime(burstStarted, now);
            delay = left < delay ? (left > TimeSpan.Zero ? left : TimeSpan.Zero) : delay;
        }

        firesAt = now + (long)(delay.TotalSeconds * clock.TimestampFrequency);
        if (delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(delay, clock, token);
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        }

        return token;
    }

    public void Dispose()
    {
        pending?.Cancel();
        pending?.Dispose();
    }
}
