namespace FactCheck.Web.Infrastructure;

/// Tells open pages (queue, claim pages, dashboards) which claims changed once a command has committed.
/// A singleton: every circuit in this process subscribes; handlers never call it, the transaction behaviour does.
public sealed class ClaimChangeNotifier(ILogger<ClaimChangeNotifier> logger)
{
    // Subscribers are Blazor circuits: each refreshes on its own dispatcher, in its own language, and one failing must
    // not stop the rest or the command that has already committed.
    private readonly LivePageSubscribers<IReadOnlyCollection<long>> pages = new();

    public event Func<IReadOnlyCollection<long>, Task>? Changed
    {
        add => pages.Add(value);
        remove => pages.Remove(value);
    }

    /// Open pages listening: a page that forgot to unsubscribe would stay alive in this singleton.
    public int SubscriberCount => pages.Count;

    public void Publish(IReadOnlyCollection<long> claimIds) =>
        pages.Publish(claimIds, ex => logger.LogWarning(ex, "A page failed to refresh after claims {ClaimIds} changed", claimIds));
}
