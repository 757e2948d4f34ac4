using FactCheck.Web.Features.Claims;
using FactCheck.Web.Features.Intake.Extraction;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Intake;

public sealed class AcceptArticleHandler(Lazy<IntakeCues> cues) : ICommandHandler<AcceptArticle, AcceptedArticle>
{
    private const int MaxQuoteLength = 2000;

    public async ValueTask<AcceptedArticle> Handle(AcceptArticle command, CancellationToken cancellationToken)
    {
        var db = CommandContext.Current;
        var article = ArticleRules.Normalise(command.Article!, cues, "article.");
        var claims = command.Claims!.Select(c => c!).ToList();
        await CheckRecordedAsync(db, claims, cancellationToken);

        var articleId = await db.ExecuteScalarAsync<long>(
            """
            INSERT INTO articles (url, outlet, published_on, language, text, text_sha256, created_by, created_at)
            VALUES (@Url, @Outlet, @PublishedOn, @Language, @Text, @TextSha256, @UserId, @Now)
            RETURNING id
            """,
            new { article.Url, article.Outlet, article.PublishedOn, article.Language, article.Text, article.TextSha256, db.Actor.UserId, db.Now },
            cancellationToken);

        var accepted = new List<AcceptedArticleClaim>(claims.Count);
        for (var i = 0; i < claims.Count; i++)
        {
            accepted.Add(await TakeInAsync(db, articleId, article, claims[i], i, cancellationToken));
        }

        var byRef = accepted.ToDictionary(c => c.Ref);
        var links = new List<AcceptedArticleLink>();
        foreach (var (link, i) in (command.Links ?? []).Select((l, i) => (l!, i)))
        {
            var (from, to) = (byRef[link.From], byRef[link.To]);
            var relation = link.Relation!;
            if (!from.Created && !to.Created && await db.QuerySingleOrDefaultAsync<long?>(
                    """
                    SELECT id FROM claim_links
                    WHERE relation = @relation
                      AND ((from_claim_id = @From AND to_claim_id = @To) OR (from_claim_id = @To AND to_claim_id = @From))
                    """,
                    new { relation, From = from.ClaimId, To = to.ClaimId },
                    cancellationToken) is { } existing)
            {
                links.Add(new AcceptedArticleLink(link.From, link.To, relation, existing, AlreadyLinked: true));
                continue;
            }

            var linkId = await ClaimLinks.AddAsync(db, from.ClaimId, to.ClaimId, relation, $"From article #{articleId}.", $"links[{i}]", cancellationToken);
            links.Add(new AcceptedArticleLink(link.From, link.To, relation, linkId, AlreadyLinked: false));
        }

        db.Audit("article", articleId, null, new
        {
            article.Url, article.Outlet, article.PublishedOn, article.Language, article.TextSha256, article.Text.Length,
            Claims = accepted.Select(c => new { c.ClaimId, c.Created }),
            Links = links.Where(l => !l.AlreadyLinked).Select(l => l.LinkId),
        });
        return new AcceptedArticle(articleId, accepted, links);
    }

    private static async Task<AcceptedArticleClaim> TakeInAsync(
        CommandContext db, long articleId, NormalisedArticle article, AcceptedClaim claim, int index, CancellationToken ct)
    {
        var field = $"claims[{index}]";
        var (start, length) = AcceptArticle.Span(claim, article.Text)!.Value;
        long claimId;
        string slug;
        if (claim.ExistingClaimId is { } existingId)
        {
            (claimId, slug) = (existingId, await db.ExecuteScalarAsync<string>("SELECT slug FROM claims WHERE id = @existingId", new { existingId }, ct));
            db.Audit("claim", claimId, null, new { ArticleId = articleId, article.Url, article.Outlet, Start = start, Length = length }, "TakeInFromArticle");
        }
        else
        {
            var created = await ClaimCreation.CreateAsync(db, claim.ToSubmitClaim(article.Language), f => $"{field}.{AcceptArticle.JsonName(f)}", ct);
            (claimId, slug) = (created.Id, created.Slug);
        }

        var isNew = claim.ExistingClaimId is null;
        await db.ExecuteAsync(
            "INSERT INTO article_claims (article_id, claim_id, start, length, created) VALUES (@articleId, @claimId, @start, @length, @isNew)",
            new { articleId, claimId, start, length, isNew },
            ct);

        long? appearanceId = null;
        var alreadyRecorded = false;
        if (article.Url is { } url)
        {
            alreadyRecorded = !isNew && await db.ExecuteScalarAsync<long>(
                "SELECT count(*) FROM appearances WHERE claim_id = @claimId AND url = @url", new { claimId, url }, ct) > 0;
            if (!alreadyRecorded)
            {
                var sentence = article.Text.Substring(start, length).Trim();
                var quote = sentence.Length > MaxQuoteLength ? sentence[..MaxQuoteLength] : sentence;
                appearanceId = await Appearances.AddAsync(db, claimId, url, article.Outlet, article.PublishedOn, quote, firstSeen: isNew, "article.url", ct);
            }
        }

        // Without an address the article_claims row is the only record of where it was seen; open pages of the claim still refresh.
        db.ClaimChanged(claimId);
        return new AcceptedArticleClaim(claim.Ref, claimId, slug, isNew, appearanceId, alreadyRecorded);
    }

    /// Recorded claims and claimants the accept names must exist (and a claim must not have been merged): every such
    /// problem is reported at once, before anything is written.
    private static async Task CheckRecordedAsync(CommandContext db, List<AcceptedClaim> claims, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var claimIds = claims.Where(c => c.ExistingClaimId is not null).Select(c => c.ExistingClaimId!.Value).ToList();
        // No query for an empty list: Dapper writes it as IN (SELECT @p WHERE 1 = 0), which PostgreSQL types as text.
        var recorded = claimIds.Count == 0 ? [] : (await db.QueryAsync<(long Id, string Status, long? MergedIntoId)>(
            "SELECT id, status, merged_into_id FROM claims WHERE id IN @claimIds", new { claimIds }, ct)).ToDictionary(c => c.Id);
        var claimantIds = claims.Where(c => c.ExistingClaimId is null && c.ClaimantId is not null).Select(c => c.ClaimantId!.Value).ToList();
        var claimants = claimantIds.Count == 0 ? [] : (await db.QueryAsync<long>("SELECT id FROM claimants WHERE id IN @claimantIds", new { claimantIds }, ct)).ToHashSet();
        for (var i = 0; i < claims.Count; i++)
        {
            if (claims[i].ExistingClaimId is { } id)
            {
                if (!recorded.TryGetValue(id, out var claim))
                {
                    errors[$"claims[{i}].existingClaimId"] = [$"Claim #{id} does not exist."];
                }
                else if (claim.Status == "merged")
                {
                    errors[$"claims[{i}].existingClaimId"] = [$"Claim #{id} was merged into #{claim.MergedIntoId}; choose that claim instead."];
                }
            }
            else if (claims[i].ClaimantId is { } claimantId && !claimants.Contains(claimantId))
            {
                errors[$"claims[{i}].claimantId"] = [$"Claimant {claimantId} does not exist."];
            }
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }
    }
}
