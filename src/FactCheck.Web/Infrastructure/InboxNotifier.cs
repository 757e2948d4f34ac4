namespace FactCheck.Web.Infrastructure;

/// Tells open staff pages whose inbox got a notification once the command that wrote it has committed
/// (the bell's unread count updates live). A singleton, like ClaimChangeNotifier.
public sealed class InboxNotifier(ILogger<InboxNotifier> logger)
{
    public event Func<IReadOnlyCollection<long>, Task>? Notified;

    public void Publish(IReadOnlyCollection<long> userIds)
    {
        if (Notified is not { } handlers)
        {
            return;
        }

        foreach (var handler in handlers.GetInvocationList().Cast<Func<IReadOnlyCollection<long>, Task>>())
        {
            _ = RunAsync(handler, userIds);
        }
    }

    private async Task RunAsync(Func<IReadOnlyCollection<long>, Task> handler, IReadOnlyCollection<long> userIds)
    {
        try
        {
            await handler(userIds);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogWarning(ex, "A page failed to refresh its inbox for users {UserIds}", userIds);
        }
    }
}
