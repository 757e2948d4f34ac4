using Mediator;

namespace FactCheck.Web.Features.Comments;

/// Staff talk on a claim over the API (bearer token). Comments are never part of any public page, feed or ClaimReview.
public static class CommentEndpoints
{
    public static void MapCommentEndpoints(this IEndpointRouteBuilder app)
    {
        var comments = app.MapGroup("/api/claims/{id:long}/comments").WithTags("Comments").RequireAuthorization();

        comments.MapGet("/", async (long id, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok((await mediator.Send(new ListComments(id), ct)).Select(CommentJson.From).ToList()))
            .WithSummary("The claim's comments, oldest first: body (Markdown), html (rendered safely), author, times, version and editableUntil.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        comments.MapPost("/", async (long id, CommentRequest body, IMediator mediator, CancellationToken ct) =>
        {
            var added = await mediator.Send(new AddComment { ClaimId = id, Body = body.Body ?? "" }, ct);
            return TypedResults.Created($"/api/claims/{id}/comments/{added.Id}", CommentJson.From(added));
        })
        .WithSummary("Comment on a claim (Markdown, up to 10,000 characters). @username mentions must name active staff; each is told.")
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound);

        comments.MapPatch("/{commentId:long}", async (long id, long commentId, CommentEdit body, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(CommentJson.From(await mediator.Send(new EditComment { ClaimId = id, CommentId = commentId, Body = body.Body ?? "", Version = body.Version }, ct))))
            .WithSummary("Rewrite your own comment within 15 minutes of posting it, with the version you last saw (409 when stale or too late; 403 for someone else's).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    public sealed record CommentRequest(string? Body);

    public sealed record CommentEdit(string? Body, long Version);

    public sealed record CommentJson(
        long Id, long ClaimId, long AuthorId, string Author, string AuthorUsername, string Body, string Html,
        DateTimeOffset CreatedAt, DateTimeOffset? EditedAt, DateTimeOffset EditableUntil, long Version)
    {
        public static CommentJson From(CommentView c) =>
            new(c.Id, c.ClaimId, c.AuthorId, c.AuthorName, c.AuthorUsername, c.Body, c.Html, c.CreatedAt, c.EditedAt, c.EditableUntil, c.Version);
    }
}
