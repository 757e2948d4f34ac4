namespace FactCheck.Web.Infrastructure;

/// Tells open staff pages whose inbox got a notification once the command that wrote it has committed
/// (the bell's unread count updates live). A singleton, like ClaimChangeNotifier.
public sealed class InboxNotifier(ILogger<InboxNotifier> logger)
{
    private readonly LivePageSubscribers<IReadOnlyCollection<long>> pages = new();

    public event Func<IReadOnlyCollection<long>, Task>? Notified
    {
        add => pages.Add(value);
        remove => pages.Remove(value);
    }

    public void Publish(IReadOnlyCollection<long> userIds) =>
        pages.Publish(userIds, ex => logger.LogWarning(ex, "A page failed to refresh its inbox for users {UserIds}", userIds));
}
