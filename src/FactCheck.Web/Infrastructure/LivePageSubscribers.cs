using System.Collections.Immutable;
using System.Globalization;

namespace FactCheck.Web.Infrastructure;

/// The open pages listening to a notifier. A change is announced on whichever thread committed it (another person's
/// circuit, a background job, the PostgreSQL listener), and code runs in that thread's culture: each page's handler
/// runs in the culture it subscribed in instead, so a live update of an Indonesian page stays Indonesian.
public sealed class LivePageSubscribers<T>
{
    private readonly Lock gate = new();
    private ImmutableList<Subscriber> subscribers = [];

    public int Count => subscribers.Count;

    public void Add(Func<T, Task>? handler)
    {
        if (handler is null)
        {
            return;
        }

        lock (gate)
        {
            subscribers = subscribers.Add(new Subscriber(handler, CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture));
        }
    }

    public void Remove(Func<T, Task>? handler)
    {
        lock (gate)
        {
            var index = subscribers.FindLastIndex(s => s.Handler == handler);
            if (index >= 0)
            {
                subscribers = subscribers.RemoveAt(index);
            }
        }
    }

    /// Starts every handler; one failing (reported to failed) stops neither the rest nor the caller.
    public void Publish(T value, Action<Exception> failed)
    {
        foreach (var subscriber in subscribers)
        {
            _ = RunAsync(subscriber, value, failed);
        }
    }

    // The culture set here is undone when this method first returns to Publish: the caller's thread keeps its own.
    private static async Task RunAsync(Subscriber subscriber, T value, Action<Exception> failed)
    {
        CultureInfo.CurrentCulture = subscriber.Culture;
        CultureInfo.CurrentUICulture = subscriber.UiCulture;
        try
        {
            await subscriber.Handler(value);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            failed(ex);
        }
    }

    private sealed record Subscriber(Func<T, Task> Handler, CultureInfo Culture, CultureInfo UiCulture);
}
