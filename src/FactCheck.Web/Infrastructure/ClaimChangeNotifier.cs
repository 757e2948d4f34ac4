namespace FactCheck.Web.Infrastructure;

/// Tells open pages (queue, claim pages, dashboards) which claims changed once a command has committed.
/// A singleton: every circuit in this process subscribes; handlers never call it, the transaction behaviour does.
public sealed class ClaimChangeNotifier(ILogger<ClaimChangeNotifier> logger)
{
    public event Func<IReadOnlyCollection<long>, Task>? Changed;

    public void Publish(IReadOnlyCollection<long> claimIds)
    {
        if (Changed is not { } handlers)
        {
            return;
        }

        // Subscribers are Blazor circuits: each refreshes on its own dispatcher, and one failing must not stop the rest
        // or the command that has already committed.
        foreach (var handler in handlers.GetInvocationList().Cast<Func<IReadOnlyCollection<long>, Task>>())
        {
            _ = RunAsync(handler, claimIds);
        }
    }

    private async Task RunAsync(Func<IReadOnlyCollection<long>, Task> handler, IReadOnlyCollection<long> claimIds)
    {
        try
        {
            await handler(claimIds);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogWarning(ex, "A page failed to refresh after claims {ClaimIds} changed", claimIds);
        }
    }
}
