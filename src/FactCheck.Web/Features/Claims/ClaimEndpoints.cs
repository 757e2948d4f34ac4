using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FactCheck.Web.Features.Claims;

/// The claims JSON API. Every endpoint needs a bearer token; the mediator pipeline decides which roles may
/// write (editor, factchecker) and validates the body, answering 400 with the failing fields.
public static class ClaimEndpoints
{
    public static void MapClaimEndpoints(this IEndpointRouteBuilder app)
    {
        var claims = app.MapGroup("/api/claims").WithTags("Claims").RequireAuthorization();

        claims.MapPost("/", async (SubmitClaim body, IMediator mediator, CancellationToken ct) =>
        {
            var created = await mediator.Send(body, ct);
            return TypedResults.Created($"/api/claims/{created.Id}", created);
        })
        .WithSummary("Record a claim. Name the claimant by claimantId, or by claimantName + claimantKind (found or created).")
        .ProducesValidationProblem();

        claims.MapGet("/{id:long}", async (long id, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetClaim(id), ct)))
            .WithSummary("A claim with its claimant, appearances, linked claims (both directions), comparable figures and history.");

        claims.MapGet("/", async (
            string? q, string? status, long? claimant, string? topic, string? language, string? kind,
            DateOnly? saidFrom, DateOnly? saidTo, string? sort, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new SearchClaims
            {
                Q = q, Status = status, ClaimantId = claimant, Topic = topic, Language = language, Kind = kind,
                SaidFrom = saidFrom, SaidTo = saidTo, Sort = sort, Page = page ?? 1, PageSize = pageSize ?? 25,
            }, ct)))
            .WithSummary("Search claims (full text over the original and the English translation) with filters, sorting and paging.");

        claims.MapGet("/similar", async Task<Results<Ok<IReadOnlyList<SimilarClaim>>, ValidationProblem>> (string? text, int? limit, IMediator mediator, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["text"] = ["Give the text to compare (?text=...)."] });
            }

            return TypedResults.Ok(await mediator.Send(new FindSimilarClaims(text, limit ?? 8), ct));
        })
        .WithSummary("Recorded claims that look like the text, best first, each with a score from 0 to 1.");

        claims.MapPost("/{id:long}/appearances", async (long id, AddAppearance body, IMediator mediator, CancellationToken ct) =>
        {
            var appearanceId = await mediator.Send(body with { ClaimId = id }, ct);
            return TypedResults.Created($"/api/claims/{id}", new { id = appearanceId });
        })
        .WithSummary("Record another place the claim appeared (a repeat of a known claim).")
        .ProducesValidationProblem();

        claims.MapPost("/{id:long}/links", async (long id, LinkRequest body, IMediator mediator, CancellationToken ct) =>
        {
            var linkId = await mediator.Send(new LinkClaims { FromClaimId = id, ToClaimId = body.ToClaimId, Relation = body.Relation ?? "", Note = body.Note }, ct);
            return TypedResults.Created($"/api/claims/{id}", new { id = linkId });
        })
        .WithSummary("Link this claim to another: relation is denies, disputes, supports, corrects or same-as (same-as merges this claim into the other).")
        .ProducesValidationProblem();

        claims.MapDelete("/{id:long}/links/{linkId:long}", async (long id, long linkId, IMediator mediator, CancellationToken ct) =>
        {
            await mediator.Send(new UnlinkClaims(id, linkId), ct);
            return TypedResults.NoContent();
        })
        .WithSummary("Remove a link of this claim (either direction).");

        app.MapGet("/api/claimants/{id:long}", async (long id, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetClaimant(id), ct)))
            .WithTags("Claims")
            .WithSummary("A claimant and every claim recorded from them.")
            .RequireAuthorization();

        app.MapPut("/api/claimants/{id:long}/side", async (long id, SideRequest body, IMediator mediator, CancellationToken ct) =>
        {
            var version = await mediator.Send(new SetClaimantSide(id, body.Side, body.Version), ct);
            return TypedResults.Ok(new SideResponse(id, SetClaimantSide.Clean(body.Side), version));
        })
        .WithTags("Claims")
        .WithSummary("Set the side of a dispute the claimant speaks for (blank clears it), with the version you last saw (editor).")
        .ProducesValidationProblem()
        .RequireAuthorization();
    }

    public sealed record LinkRequest(long ToClaimId, string? Relation, string? Note);

    public sealed record SideRequest(string? Side, long Version);

    public sealed record SideResponse(long Id, string? Side, long Version);
}
