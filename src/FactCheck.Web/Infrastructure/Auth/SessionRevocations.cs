namespace FactCheck.Web.Infrastructure.Auth;

/// Tells open Blazor circuits that their account's sign-ins ended (a password change or reset, a role change, a
/// deactivation) once the command that changed the security stamp has committed: each circuit of that account signs
/// itself out at once. The pipeline refuses every later message from such a circuit anyway (its stamp is stale); this
/// makes the page say so instead of waiting for the person's next click. A singleton, like InboxNotifier.
public sealed class SessionRevocations(ILogger<SessionRevocations> logger)
{
    public event Action<IReadOnlyCollection<long>>? Ended;

    public void Publish(IReadOnlyCollection<long> userIds)
    {
        if (Ended is not { } handlers)
        {
            return;
        }

        foreach (var handler in handlers.GetInvocationList().Cast<Action<IReadOnlyCollection<long>>>())
        {
            try
            {
                handler(userIds);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                logger.LogWarning(ex, "A circuit failed to sign out after its account's sign-ins ended");
            }
        }
    }
}
