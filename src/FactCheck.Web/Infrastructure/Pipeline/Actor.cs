using System.Security.Claims;

namespace FactCheck.Web.Infrastructure.Pipeline;

public static class Roles
{
    public const string Admin = "admin";
    public const string Editor = "editor";
    public const string FactChecker = "factchecker";

    public static readonly IReadOnlyList<string> All = [Admin, Editor, FactChecker];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}

/// Who sends a message: a signed-in staff member, an anonymous reader, or the system (jobs, start-up).
public sealed record Actor(long? UserId, string Name, IReadOnlySet<string> Roles, bool IsSystem = false)
{
    public static readonly Actor Anonymous = new(null, "anonymous", new HashSet<string>());

    public static readonly Actor System = new(null, "system", new HashSet<string>(), IsSystem: true);

    public bool IsAuthenticated => UserId is not null;

    /// The account's security stamp when this sign-in (cookie, circuit or API token) was issued; the pipeline refuses a
    /// sign-in whose stamp the account no longer has. Null only for actors made in code (start-up, jobs, tests).
    public string? SecurityStamp { get; init; }

    /// The client's network (IPv4 address or IPv6 /64) for sign-in throttling; null outside an HTTP request.
    public string? Network { get; init; }

    public bool IsInRole(string role) => Roles.Contains(role);

    public static Actor FromPrincipal(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true)
        {
            return Anonymous;
        }

        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (!long.TryParse(id, out var userId))
        {
            return Anonymous;
        }

        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        // A principal without a stamp never matches one: every sign-in this app issues carries it.
        return new Actor(userId, principal.Identity.Name ?? id, roles) { SecurityStamp = principal.FindFirstValue(Auth.AuthSchemes.SecurityStampClaim) ?? "" };
    }
}

/// The actor of the current scope: set per HTTP request by middleware, per Blazor circuit by a circuit handler,
/// and explicitly by jobs and start-up code. Pipeline behaviours read it; handlers get it from CommandContext.
public sealed class CurrentActor
{
    public Actor Actor { get; set; } = Actor.Anonymous;
}
