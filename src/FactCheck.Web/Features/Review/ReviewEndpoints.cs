using System.Text.Json;
using System.Text.Json.Nodes;
using FactCheck.Web.Features.Claims;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;
using Microsoft.Extensions.Options;

namespace FactCheck.Web.Features.Review;

/// The review workflow's API: one endpoint per claim for every action, evidence, and the rating scale.
public static class ReviewEndpoints
{
    /// Action name (as the API spells it) → the command that carries it out.
    public static readonly IReadOnlyDictionary<string, Type> Commands = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        [ReviewActions.Triage] = typeof(TriageClaim),
        [ReviewActions.Reject] = typeof(RejectClaim),
        [ReviewActions.Reopen] = typeof(ReopenClaim),
        [ReviewActions.Assign] = typeof(AssignClaim),
        [ReviewActions.Reassign] = typeof(ReassignClaim),
        [ReviewActions.Start] = typeof(StartResearch),
        [ReviewActions.Submit] = typeof(SubmitVerdict),
        [ReviewActions.RequestChanges] = typeof(RequestChanges),
        [ReviewActions.Approve] = typeof(ApproveVerdict),
        [ReviewActions.Correct] = typeof(CorrectVerdict),
        [ReviewActions.Amend] = typeof(AmendVerdict),
    };

    public static void MapReviewEndpoints(this IEndpointRouteBuilder app)
    {
        var claims = app.MapGroup("/api/claims").WithTags("Review").RequireAuthorization();

        claims.MapPost("/{id:long}/actions/{action}", async (long id, string action, HttpRequest request, IMediator mediator,
            IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken ct) =>
        {
            if (!Commands.TryGetValue(action, out var type))
            {
                return Results.Problem(
                    statusCode: StatusCodes.Status404NotFound,
                    title: "Unknown action",
                    detail: $"'{action}' is not a workflow action. Known actions: {string.Join(", ", ReviewActions.All)}.");
            }

            var command = await ReadCommandAsync(request, id, type, json.Value.SerializerOptions, ct);
            await mediator.Send(command, ct);
            return Results.Ok(await mediator.Send(new GetClaim(id), ct));
        })
        .WithSummary("Take a workflow action on a claim (triage, reject, reopen, assign, reassign, start, submit, request-changes, approve, correct, amend). "
            + "Send the action's fields and the claim's version as you last saw it; a stale version gets 409 with the current state. Answers with the claim as GET shows it.")
        .Accepts<JsonObject>("application/json")
        .Produces<ClaimDetail>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status409Conflict);

        claims.MapPost("/{id:long}/evidence", async (long id, AddEvidence body, IMediator mediator, CancellationToken ct) =>
        {
            var evidenceId = await mediator.Send(body with { ClaimId = id }, ct);
            return TypedResults.Created($"/api/claims/{id}", new { id = evidenceId });
        })
        .WithSummary("Add a source to a claim: url (http/https), title, stance (supports, refutes, context) and an optional note.")
        .ProducesValidationProblem();

        claims.MapDelete("/{id:long}/evidence/{evidenceId:long}", async (long id, long evidenceId, IMediator mediator, CancellationToken ct) =>
        {
            await mediator.Send(new RemoveEvidence(id, evidenceId), ct);
            return TypedResults.NoContent();
        })
        .WithSummary("Take a source off a claim (not one a published verdict cites).");

        app.MapGet("/api/ratings", (RatingScale scale) => TypedResults.Ok(new
        {
            ratings = scale.Ratings.Select(r => new { key = r.Key, labelEn = r.LabelEn, labelId = r.LabelId, value = r.Value }),
            bestRating = RatingScale.BestValue,
            worstRating = RatingScale.WorstValue,
            attributions = RatingScale.Attributions.Select(a => new { key = a.Key, labelEn = a.LabelEn, labelId = a.LabelId }),
        }))
        .WithTags("Review")
        .WithSummary("The rating scale (English and Indonesian labels, ClaimReview values) and the attribution findings.")
        .RequireAuthorization();
    }

    /// The body's fields become the action's command; the claim id always comes from the address.
    private static async Task<IClaimAction> ReadCommandAsync(HttpRequest request, long claimId, Type type, JsonSerializerOptions options, CancellationToken ct)
    {
        JsonObject body;
        try
        {
            var node = request.ContentLength == 0 ? null : await JsonNode.ParseAsync(request.Body, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false }, cancellationToken: ct);
            body = node switch
            {
                null => [],
                JsonObject o => o,
                _ => throw ValidationFailedException.For("", "The body must be a JSON object with the action's fields."),
            };
        }
        catch (JsonException ex)
        {
            throw ValidationFailedException.For("", $"The body is not valid JSON: {ex.Message.Split(" Path:")[0]}");
        }

        foreach (var key in body.Select(p => p.Key).Where(k => k.Equals("claimId", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            body.Remove(key);
        }

        body["claimId"] = claimId;
        try
        {
            return (IClaimAction)(body.Deserialize(type, options) ?? throw ValidationFailedException.For("", "The body is empty."));
        }
        catch (InvalidOperationException ex)
        {
            // A string value System.Text.Json cannot turn into .NET text (half a surrogate pair in an escape).
            throw ValidationFailedException.For("", $"The body holds text that is not valid Unicode: {ex.Message}");
        }
        catch (JsonException ex)
        {
            var field = ex.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "";
            throw ValidationFailedException.For(field, $"This value could not be read: {ex.Message.Split(" Path:")[0]}");
        }
    }
}
