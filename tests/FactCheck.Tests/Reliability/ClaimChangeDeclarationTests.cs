using System.Reflection;
using FactCheck.Web.Features.Claims;
using FactCheck.Web.Features.Review;
using Mediator;

namespace FactCheck.Tests.Reliability;

/// Object-level rules live in one place the pipeline applies (ClaimChangeBehavior, ReviewPolicyBehavior): a command that
/// carries a claim id anywhere in its body (ClaimId, FromClaimId, a link's ToClaimId, an accepted article's
/// ExistingClaimId…) must say so by implementing IChangesClaims or IClaimAction, or no rule would ever see it.
public sealed class ClaimChangeDeclarationTests
{
    private static readonly Type[] Commands = typeof(SubmitClaim).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false } && typeof(IBaseCommand).IsAssignableFrom(t))
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .ToArray();

    [Fact]
    public void Every_command_that_names_a_claim_declares_the_claims_it_changes()
    {
        var undeclared = Commands
            .Where(t => ClaimIdPaths(t, t.Name, []).Any() && !typeof(IChangesClaims).IsAssignableFrom(t) && !typeof(IClaimAction).IsAssignableFrom(t))
            .Select(t => $"{t.Name} ({string.Join(", ", ClaimIdPaths(t, t.Name, []))})")
            .ToList();

        Assert.True(undeclared.Count == 0, "commands naming a claim without IChangesClaims or IClaimAction: " + string.Join("; ", undeclared));
    }

    [Fact]
    public void The_scan_finds_claim_ids_in_nested_lists_so_it_can_fail()
    {
        Assert.Contains("SubmitClaim.Links[].ToClaimId", ClaimIdPaths(typeof(SubmitClaim), nameof(SubmitClaim), []));
        Assert.Contains("AcceptArticle.Claims[].ExistingClaimId", ClaimIdPaths(typeof(Web.Features.Intake.AcceptArticle), "AcceptArticle", []));
        Assert.True(Commands.Count(t => typeof(IChangesClaims).IsAssignableFrom(t)) >= 8);
    }

    [Fact]
    public void Every_declaring_command_passes_through_the_object_level_behaviour()
    {
        var registered = typeof(Web.Infrastructure.ServiceSetup).Assembly.GetType("FactCheck.Web.Features.Claims.ClaimChangeBehavior`2");
        Assert.NotNull(registered);
        var constraint = registered!.GetGenericArguments()[0].GetGenericParameterConstraints();
        Assert.Contains(typeof(IChangesClaims), constraint);
    }

    /// Properties holding a claim id, as paths: any long whose name ends in ClaimId (or a list of them), looked for
    /// in the command and in the records it carries.
    private static IEnumerable<string> ClaimIdPaths(Type type, string path, HashSet<Type> seen)
    {
        if (!seen.Add(type))
        {
            yield break;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var element = propertyType.IsGenericType && propertyType.GetGenericArguments() is [var arg] && typeof(System.Collections.IEnumerable).IsAssignableFrom(propertyType)
                ? Nullable.GetUnderlyingType(arg) ?? arg
                : null;
            var named = property.Name.EndsWith("ClaimId", StringComparison.Ordinal) || property.Name.EndsWith("ClaimIds", StringComparison.Ordinal);
            if (named && (propertyType == typeof(long) || element == typeof(long)))
            {
                yield return $"{path}.{property.Name}";
            }

            var nested = element ?? propertyType;
            if (nested.Namespace?.StartsWith("FactCheck.Web", StringComparison.Ordinal) == true && nested.IsClass)
            {
                foreach (var inner in ClaimIdPaths(nested, $"{path}.{property.Name}{(element is null ? "" : "[]")}", seen))
                {
                    yield return inner;
                }
            }
        }
    }
}
