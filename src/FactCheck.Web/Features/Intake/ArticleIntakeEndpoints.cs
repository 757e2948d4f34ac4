using Mediator;

namespace FactCheck.Web.Features.Intake;

/// Article intake over the API (bearer token; editors and fact-checkers): read an article for candidate claims, then
/// accept the chosen ones. Errors are problem details naming the field ("text", "claims[2].title").
public static class ArticleIntakeEndpoints
{
    public static void MapArticleIntakeEndpoints(this IEndpointRouteBuilder app)
    {
        var articles = app.MapGroup("/api/articles").WithTags("Articles").RequireAuthorization();

        articles.MapPost("/extract", async (ExtractArticle body, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(body, ct)))
            .WithSummary("Read an article ({text, language, url, outlet, publishedAt}) and propose its claims, counter-claims and the recorded claims they may repeat. Writes nothing.")
            .ProducesValidationProblem();

        articles.MapPost("/fetch", async (FetchArticle body, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(body, ct)))
            .WithSummary("Download an article's page ({url}) and read its main text, title, outlet, date and language, to fill /extract. Refuses private and local addresses. Writes nothing.")
            .ProducesValidationProblem();

        articles.MapPost("/accept", async (AcceptArticle body, IMediator mediator, CancellationToken ct) =>
            TypedResults.Created((string?)null, await mediator.Send(body, ct)))
            .WithSummary("Record the chosen claims of an article in one transaction: new claims, appearances of recorded ones, and the links between them.")
            .ProducesValidationProblem();
    }
}
