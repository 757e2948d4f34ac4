using System.Net;
using System.Net.Http.Json;
using FactCheck.Tests.Review;
using FactCheck.Web.Features.Claims;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace FactCheck.Tests.Reliability;

/// The object-level half of the authorisation matrix: every direct route that changes a claim's record (link, unlink,
/// merge either way, appearance, evidence added or removed) on a published claim, a claim in review, a colleague's claim
/// and one's own, by a fact-checker (checker2), an editor and an admin, through HTTP and through the mediator. Each cell
/// gets a fresh claim; a refused cell writes nothing, audit row included.
public sealed class ObjectLevelMatrixTests(ITestOutputHelper output) : IDisposable
{
    private const string Ok = "ok", RoleRefusal = "403 role", ObjectRefusal = "403", Conflict = "409";

    private static readonly string[] Targets = ["published", "in review", "colleague's", "own"];

    private static readonly string[] Operations = ["link", "unlink", "merge into a public claim", "merge into a new claim", "merge a new claim into it", "appearance", "evidence", "remove evidence"];

    private readonly TestApp app = new TestApp().Start();

    public void Dispose() => app.Dispose();

    /// What each role gets; checker2 is "own"'s assignee, checker the colleague.
    private static string Expected(string operation, string target, string role) => role switch
    {
        Roles.Admin => RoleRefusal,
        // Readers kept the old address of a claim that was public: the claim it merges into must be public too.
        _ when operation == "merge into a new claim" => role == Roles.Editor || target == "own" ? Conflict : ObjectRefusal,
        Roles.FactChecker => target == "own" ? Ok : ObjectRefusal,
        // A published verdict's sources change only through a correction.
        _ when target == "published" && operation is "evidence" or "remove evidence" => Conflict,
        _ => Ok,
    };

    [Fact]
    public async Task Over_http_each_role_changes_exactly_the_claims_the_rule_allows_and_a_refusal_writes_nothing()
    {
        var desk = await ReviewDriver.CreateAsync(app);
        var clients = new Dictionary<string, HttpClient>
        {
            [Roles.FactChecker] = await app.ApiClientAsync("checker2"),
            [Roles.Editor] = await app.ApiClientAsync("editor"),
            [Roles.Admin] = await app.ApiClientAsync("admin"),
        };
        var wrong = new List<string>();
        foreach (var (operation, target, role) in Cells())
        {
            var cell = await PrepareAsync(desk, operation, target);
            var before = await WrittenAsync();
            var response = await clients[role].SendAsync(cell.Request());
            var body = await response.Content.ReadAsStringAsync();
            var outcome = response.StatusCode switch
            {
                HttpStatusCode.Created or HttpStatusCode.NoContent or HttpStatusCode.OK => Ok,
                HttpStatusCode.Forbidden when body.Contains("needs one of the roles", StringComparison.Ordinal) => RoleRefusal,
                HttpStatusCode.Forbidden => ObjectRefusal,
                HttpStatusCode.Conflict => Conflict,
                _ => $"{(int)response.StatusCode} {body}",
            };
            Check(wrong, $"HTTP {operation} on a {target} claim by {role}", Expected(operation, target, role), outcome, before, await WrittenAsync());
            if (outcome != Ok && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                wrong.Add($"HTTP {operation} on a {target} claim by {role}: refusal is not problem details");
            }
        }

        output.WriteLine($"{Operations.Length} routes × {Targets.Length} claims × 3 roles over HTTP");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task Through_the_mediator_each_role_changes_exactly_the_claims_the_rule_allows_and_a_refusal_writes_nothing()
    {
        var desk = await ReviewDriver.CreateAsync(app);
        var actors = new Dictionary<string, Actor> { [Roles.FactChecker] = desk.Checker2, [Roles.Editor] = desk.Editor, [Roles.Admin] = desk.Admin };
        var wrong = new List<string>();
        foreach (var (operation, target, role) in Cells())
        {
            var cell = await PrepareAsync(desk, operation, target);
            var before = await WrittenAsync();
            string outcome;
            try
            {
                await using var scope = app.Services.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = actors[role];
                await scope.ServiceProvider.GetRequiredService<IMediator>().Send((object)cell.Message);
                outcome = Ok;
            }
            catch (ForbiddenException ex)
            {
                outcome = ex.Message.Contains("needs one of the roles", StringComparison.Ordinal) ? RoleRefusal : ObjectRefusal;
            }
            catch (ConflictException)
            {
                outcome = Conflict;
            }

            Check(wrong, $"{cell.Message.GetType().Name} ({operation}) on a {target} claim by {role}", Expected(operation, target, role), outcome, before, await WrittenAsync());
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    private static IEnumerable<(string Operation, string Target, string Role)> Cells() =>
        from operation in Operations
        from target in Targets
        from role in new[] { Roles.FactChecker, Roles.Editor, Roles.Admin }
        select (operation, target, role);

    private static void Check(List<string> wrong, string cell, string expected, string outcome, (long, long) before, (long, long) after)
    {
        if (outcome != expected)
        {
            wrong.Add($"{cell}: expected {expected}, got {outcome}");
        }

        if (outcome != Ok && before != after)
        {
            wrong.Add($"{cell}: refused but wrote something");
        }
    }

    private sealed record Cell(Func<HttpRequestMessage> Request, IBaseCommand Message);

    /// A fresh claim in the target state and what the operation sends about it.
    private async Task<Cell> PrepareAsync(ReviewDriver desk, string operation, string target)
    {
        var claim = target switch
        {
            "published" => await desk.ClaimInStateAsync("published"),
            "in review" => await desk.ClaimInStateAsync("in_review"),
            "colleague's" => await desk.ClaimInStateAsync("researching"),
            _ => await OwnClaimAsync(desk),
        };
        static HttpRequestMessage Post(string path, object body) => new(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        switch (operation)
        {
            case "link":
            {
                var other = await OwnClaimAsync(desk);
                return new(() => Post($"/api/claims/{claim}/links", new { toClaimId = other, relation = "disputes" }),
                    new LinkClaims { FromClaimId = claim, ToClaimId = other, Relation = "disputes" });
            }

            case "unlink":
            {
                var link = await desk.LinkAsync(claim, await OwnClaimAsync(desk), "supports");
                return new(() => new HttpRequestMessage(HttpMethod.Delete, $"/api/claims/{claim}/links/{link}"), new UnlinkClaims(claim, link));
            }

            case "merge into a public claim":
            {
                var original = await OwnClaimAsync(desk);
                return new(() => Post($"/api/claims/{claim}/links", new { toClaimId = original, relation = "same-as" }),
                    new LinkClaims { FromClaimId = claim, ToClaimId = original, Relation = "same-as" });
            }

            case "merge into a new claim":
            {
                // The review's finding: a claim just recorded, with a published claim merged into it.
                var fresh = (await app.SendAsync(NewClaim(), desk.Checker2)).Id;
                return new(() => Post($"/api/claims/{claim}/links", new { toClaimId = fresh, relation = "same-as" }),
                    new LinkClaims { FromClaimId = claim, ToClaimId = fresh, Relation = "same-as" });
            }

            case "merge a new claim into it":
            {
                var fresh = (await app.SendAsync(NewClaim(), desk.Checker2)).Id;
                return new(() => Post($"/api/claims/{fresh}/links", new { toClaimId = claim, relation = "same-as" }),
                    new LinkClaims { FromClaimId = fresh, ToClaimId = claim, Relation = "same-as" });
            }

            case "appearance":
            {
                var url = "https://attacker.example/" + Guid.NewGuid().ToString("N");
                return new(() => Post($"/api/claims/{claim}/appearances", new { url, outlet = "Reuters" }),
                    new AddAppearance { ClaimId = claim, Url = url, Outlet = "Reuters" });
            }

            case "evidence":
            {
                var url = "https://example.org/" + Guid.NewGuid().ToString("N");
                return new(() => Post($"/api/claims/{claim}/evidence", new { url, title = "Planted", stance = "supports" }),
                    new AddEvidence { ClaimId = claim, Url = url, Title = "Planted", Stance = "supports" });
            }

            default:
            {
                // Uncited evidence where the claim still takes it; a published verdict's cited source otherwise.
                var evidence = target == "published"
                    ? await app.ScalarAsync<long>("SELECT min(id) FROM evidence WHERE claim_id = @claim", new { claim })
                    : await desk.AddEvidenceAsync(claim, desk.Editor);
                return new(() => new HttpRequestMessage(HttpMethod.Delete, $"/api/claims/{claim}/evidence/{evidence}"), new RemoveEvidence(claim, evidence));
            }
        }
    }

    /// Researching, assigned to checker2.
    private static async Task<long> OwnClaimAsync(ReviewDriver desk)
    {
        var id = await desk.NewClaimAsync();
        await desk.TriageAsync(id);
        await desk.AssignAsync(id, desk.Checker2);
        await desk.StartAsync(id, desk.Checker2);
        return id;
    }

    private static SubmitClaim NewClaim() => new()
    {
        Title = "Just recorded",
        Text = "Klaim yang baru dicatat " + Guid.NewGuid().ToString("N"),
        Language = "id",
        ClaimantName = "Someone",
        ClaimantKind = "person",
    };

    private async Task<(long Audit, long Rows)> WrittenAsync() =>
        (await app.ScalarAsync<long>("SELECT count(*) FROM audit_log"),
         await app.ScalarAsync<long>(
             """
             SELECT (SELECT count(*) FROM claim_links) + (SELECT count(*) FROM appearances) + (SELECT count(*) FROM evidence WHERE removed_at IS NULL)
                  + (SELECT count(*) FROM claims WHERE status = 'merged')
             """));
}
