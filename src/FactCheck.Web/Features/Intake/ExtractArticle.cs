using System.ComponentModel.DataAnnotations;
using Dapper;
using FactCheck.Web.Features.Claims;
using FactCheck.Web.Features.Intake.Extraction;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;
using System.Data.Common;

namespace FactCheck.Web.Features.Intake;

/// Reads an article and proposes its claims, each with the recorded claims and claimant it may repeat. Writes nothing.
[AllowRoles(Roles.Editor, Roles.FactChecker)]
public sealed record ExtractArticle : IQuery<ArticleCandidates>, IArticleFields, IValidatableObject
{
    public string? Text { get; set; }

    public string? Language { get; set; }

    public string? Url { get; set; }

    public string? Outlet { get; set; }

    public string? PublishedAt { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => ArticleRules.Validate(this);
}

/// Text is the article as read (line ends normalised): every Start and Length points into it, and AcceptArticle takes it back.
public sealed record ArticleCandidates(
    string Language,
    bool LanguageDetected,
    string? Url,
    string? Outlet,
    DateOnly? PublishedOn,
    string Text,
    IReadOnlyList<ArticleSentence> Sentences,
    IReadOnlyList<ProposedClaim> Candidates,
    IReadOnlyList<ProposedLink> Links,
    PreviousIntake? PreviousIntake,
    ExtractionNotice? Notice = null);

/// The extractor's candidate, its claimant matched against recorded claimants and the recorded claims it may repeat
/// (never, for a counter-claim, a recorded claim the claim it answers may repeat: a denial is no appearance of what it
/// denies). NoLinkReason says why a counter-claim comes without a proposed link.
public sealed record ProposedClaim(
    int Number,
    int SentenceIndex,
    int Start,
    int Length,
    string Text,
    string Title,
    string Kind,
    ProposedClaimant? Claimant,
    CandidateDate? Date,
    CandidateFigure? Figure,
    string? Place,
    bool CounterClaim,
    CandidateScore Score,
    IReadOnlyList<KnownClaim> Matches,
    string? NoLinkReason = null);

/// ClaimantId (with RecordedName and RecordedKind) is a recorded claimant of that name, when there is one.
public sealed record ProposedClaimant(
    string Name, string Kind, string? Affiliation, string Cue, bool Inferred, long? ClaimantId = null, string? RecordedName = null, string? RecordedKind = null);

/// LikelySame: the score is high enough that the page proposes adding the article as an appearance of this claim.
public sealed record KnownClaim(long ClaimId, string Title, string Status, string Claimant, double Score, bool LikelySame);

/// From's claim answers To's ("denies", "disputes"); numbers are the candidates'.
public sealed record ProposedLink(int From, int To, string Relation, string Cue);

public sealed record PreviousIntake(long ArticleId, DateTimeOffset At, string By);

public sealed class ExtractArticleHandler(Db db, Lazy<IntakeCues> cues) : IQueryHandler<ExtractArticle, ArticleCandidates>
{
    /// A recorded claim this similar (FindSimilarClaims' 0-1 score) is most likely the same claim said again.
    public const double LikelySameScore = 0.6;

    public async ValueTask<ArticleCandidates> Handle(ExtractArticle query, CancellationToken cancellationToken)
    {
        var article = ArticleRules.Normalise(query, cues, fallback: "en");
        var extraction = ArticleExtractor.Extract(new ArticleInput(article.Text, article.Language, article.PublishedOn), cues.Value);

        var similar = new FindSimilarClaimsHandler(db);
        await using var connection = await db.OpenAsync(cancellationToken);
        var claimants = new Dictionary<string, ProposedClaimant>(StringComparer.OrdinalIgnoreCase);
        var candidates = new List<ProposedClaim>(extraction.Candidates.Count);
        foreach (var candidate in extraction.Candidates)
        {
            var matches = (await similar.Handle(new FindSimilarClaims(candidate.Text, 3), cancellationToken))
                .Select(m => new KnownClaim(m.Id, m.Title, m.Status, m.Claimant, m.Score, m.Score >= LikelySameScore))
                .ToList();
            ProposedClaimant? claimant = null;
            if (candidate.Claimant is { } c)
            {
                claimant = new ProposedClaimant(c.Name, c.Kind, c.Affiliation, c.Cue, c.Inferred);
                var key = $"{c.Name}\n{c.Kind}";
                if (!claimants.TryGetValue(key, out var matched))
                {
                    claimants[key] = matched = await MatchClaimantAsync(connection, claimant, cancellationToken);
                }

                claimant = matched;
            }

            candidates.Add(new ProposedClaim(
                candidate.Number, candidate.SentenceIndex, candidate.Start, candidate.Length, candidate.Text, candidate.Title, candidate.Kind,
                claimant, candidate.Date, candidate.Figure, candidate.Place, candidate.CounterClaim, candidate.Score, matches, candidate.NoLinkReason));
        }

        foreach (var link in extraction.Links)
        {
            var from = candidates.FindIndex(c => c.Number == link.FromNumber);
            var answered = candidates.Find(c => c.Number == link.ToNumber)?.Matches.Select(m => m.ClaimId).ToHashSet() ?? [];
            if (from >= 0)
            {
                candidates[from] = candidates[from] with { Matches = [.. candidates[from].Matches.Where(m => !answered.Contains(m.ClaimId))] };
            }
        }

        var previous = await connection.QueryFirstOrDefaultAsync<PreviousIntake>(new CommandDefinition(
            """
            SELECT a.id AS ArticleId, a.created_at AS At, coalesce(u.display_name, 'system') AS By
            FROM articles a LEFT JOIN users u ON u.id = a.created_by
            WHERE a.text_sha256 = @TextSha256 OR (@Url IS NOT NULL AND a.url = @Url)
            ORDER BY a.id DESC
            LIMIT 1
            """,
            new { article.TextSha256, article.Url },
            cancellationToken: cancellationToken));

        return new ArticleCandidates(
            article.Language, article.LanguageDetected, article.Url, article.Outlet, article.PublishedOn, article.Text,
            extraction.Sentences, candidates, extraction.Links.Select(l => new ProposedLink(l.FromNumber, l.ToNumber, l.Relation, l.Cue)).ToList(),
            previous, extraction.Notice);
    }

    /// A recorded claimant of the same name (any case, the same kind preferred); failing that, for a person, the only
    /// recorded person whose name ends with the candidate's last word ("Presiden Rouhani" -> "Hassan Rouhani"). Short or
    /// common words propose nothing.
    private static async Task<ProposedClaimant> MatchClaimantAsync(DbConnection connection, ProposedClaimant claimant, CancellationToken ct)
    {
        var name = claimant.Name.Trim();
        var rows = (await connection.QueryAsync<(long Id, string Name, string Kind)>(new CommandDefinition(
            "SELECT id, name, kind FROM claimants WHERE name = @name COLLATE NOCASE ORDER BY kind = @Kind DESC, id LIMIT 1",
            new { name, claimant.Kind },
            cancellationToken: ct))).ToList();
        var last = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        if (rows.Count == 0 && claimant.Kind == "person" && last.Length >= 4 && char.IsUpper(last[0]))
        {
            // Only a person's surname: "Kepala Dinas Pendidikan Jawa Timur" is no "Pemerintah Provinsi Jawa Timur".
            rows = (await connection.QueryAsync<(long Id, string Name, string Kind)>(new CommandDefinition(
                $"""
                SELECT id, name, kind FROM claimants
                WHERE {connection.Like("name")} '% ' || @last ESCAPE '\' AND kind = 'person'
                LIMIT 2
                """,
                new { last = SqlLike.Escape(last) },
                cancellationToken: ct))).ToList();
        }

        return rows.Count == 1 ? claimant with { ClaimantId = rows[0].Id, RecordedName = rows[0].Name, RecordedKind = rows[0].Kind } : claimant;
    }
}
