namespace FactCheck.Web.Components;

/// Waits until typing pauses: each call cancels the wait before it, so only the last keystroke's work runs.
public sealed class Debouncer : IDisposable
{
    private CancellationTokenSource? pending;

    /// The token of this keystroke once the pause has passed (cancelled when a newer one comes), or null if a newer one came first.
    public async Task<CancellationToken?> WaitAsync(int milliseconds)
    {
        pending?.Cancel();
        pending?.Dispose();
        pending = new CancellationTokenSource();
        var token = pending.Token;
        if (milliseconds > 0)
        {
            try
            {
                await Task.Delay(milliseconds, token);
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
