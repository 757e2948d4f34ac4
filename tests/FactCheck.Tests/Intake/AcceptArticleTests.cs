using FactCheck.Web.Features.Intake;
using FactCheck.Web.Features.Queue;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Tests.Intake;

/// AcceptArticle through the real pipeline on a real database: what one accept writes, and that a refused one writes nothing.
[Collection(IntakeAppCollection.Name)]
public sealed class AcceptArticleTests(IntakeApp fixture)
{
    private const string Tables = "claims, claimants, articles, article_claims, appearances, claim_links, audit_log";

    private TestApp App => fixture.App;

    private static string UniqueUrl() => $"{SeedArticle.Url}?v={Guid.NewGuid():N}";

    private Task<long> DemoClaimAsync(string title) => App.ScalarAsync<long>("SELECT id FROM claims WHERE title = @title", new { title });

    private async Task<Dictionary<string, long>> CountRowsAsync()
    {
        var counts = new Dictionary<string, long>();
        foreach (var table in Tables.Split(", "))
        {
            counts[table] = await App.ScalarAsync<long>($"SELECT count(*) FROM {table}");
        }

        return counts;
    }

    private async Task<AcceptedArticle> AcceptAsync(AcceptArticle command, string username = "checker") =>
        await App.SendAsync(command, await App.ActorAsync(username));

    [Fact]
    public async Task Accepting_records_the_article_its_new_claims_their_appearances_and_the_denial_link_in_one_go()
    {
        var url = UniqueUrl();
        var title = $"Putin puts the dead at 5,000 {Guid.NewGuid():N}"[..60];
        var putin = SeedArticle.Claim(7, SeedArticle.Putin, title, "Vladimir Putin", kind: "figure");
        putin.FigureLow = 5000;
        putin.FigureUnit = "people";
        var accusation = SeedArticle.Claim(4, SeedArticle.Accusation, "Local officials accuse Azerbaijan of shelling", "Pejabat lokal", "official-body", "event");
        var denial = SeedArticle.Claim(5, SeedArticle.Denial, "Baku denies the shelling accusation", "Pemerintah Baku", "government");

        var accepted = await AcceptAsync(new AcceptArticle
        {
            Article = SeedArticle.Fields(url),
            Claims = [putin, accusation, denial],
            Links = [new AcceptedLink(5, 4, "denies")],
        });

        Assert.Equal([7, 4, 5], accepted.Claims.Select(c => c.Ref));
        Assert.All(accepted.Claims, c => Assert.True(c.Created));
        Assert.All(accepted.Claims, c => Assert.NotNull(c.AppearanceId));
        var putinId = accepted.Claims[0].ClaimId;
        var row = (await App.RowsAsync<(string Title, string Kind, double FigureLow, string FigureUnit, string Status, string Language, string SaidOn)>(
            "SELECT title, kind, figure_low, figure_unit, status, language, said_on FROM claims WHERE id = @putinId", new { putinId })).Single();
        Assert.Equal((title, "figure", 5000d, "people", "new", "id", "2020-10-24"), row);
        Assert.Equal($"{accepted.Claims[0].Slug}", await App.ScalarAsync<string>("SELECT slug FROM claims WHERE id = @putinId", new { putinId }));

        var article = (await App.RowsAsync<(string Url, string Outlet, string PublishedOn, string Language, string Text)>(
            "SELECT url, outlet, published_on, language, text FROM articles WHERE id = @ArticleId", accepted)).Single();
        Assert.Equal((url, "Contoh Berita", "2020-10-24", "id", SeedArticle.Text), article);
        var spans = await App.RowsAsync<(long ClaimId, int Start, int Length, bool Created)>(
            "SELECT claim_id, start, length, created FROM article_claims WHERE article_id = @ArticleId ORDER BY start", accepted);
        Assert.Equal(3, spans.Count);
        Assert.All(spans, s => Assert.True(s.Created));
        Assert.Equal(SeedArticle.Accusation, SeedArticle.Text.Substring(spans[0].Start, spans[0].Length));

        var appearance = (await App.RowsAsync<(string Url, string Outlet, string PublishedOn, string Quote, bool FirstSeen)>(
            "SELECT url, outlet, published_on, quote, first_seen FROM appearances WHERE claim_id = @putinId", new { putinId })).Single();
        Assert.Equal((url, "Contoh Berita", "2020-10-24", SeedArticle.Putin, true), appearance);

        var link = Assert.Single(accepted.Links);
        Assert.False(link.AlreadyLinked);
        var stored = (await App.RowsAsync<(long From, long To, string Relation)>(
            "SELECT from_claim_id, to_claim_id, relation FROM claim_links WHERE id = @LinkId", link)).Single();
        Assert.Equal((accepted.Claims[2].ClaimId, accepted.Claims[1].ClaimId, "denies"), stored);
    }

    [Fact]
    public async Task Every_insert_is_audited_in_the_same_transaction()
    {
        var accepted = await AcceptAsync(new AcceptArticle
        {
            Article = SeedArticle.Fields(UniqueUrl()),
            Claims =
            [
                SeedArticle.Claim(4, SeedArticle.Accusation, "Officials accuse Azerbaijan of shelling", "Pejabat lokal", "official-body", "event"),
                SeedArticle.Claim(5, SeedArticle.Denial, "Baku denies shelling", "Pemerintah Baku", "government"),
            ],
            Links = [new AcceptedLink(5, 4, "denies")],
        });

        var ids = accepted.Claims.Select(c => c.ClaimId.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var audit = await App.RowsAsync<(string Entity, string EntityId, string Action, string ActorName)>(
            "SELECT entity, entity_id, action, actor_name FROM audit_log WHERE id > (SELECT max(id) - 20 FROM audit_log) ORDER BY id");
        Assert.Contains(("article", accepted.ArticleId.ToString(System.Globalization.CultureInfo.InvariantCulture), "AcceptArticle", "checker"), audit);
        foreach (var id in ids)
        {
            Assert.Contains(audit, a => a is { Entity: "claim", Action: "AcceptArticle" } && a.EntityId == id);
            Assert.Contains(audit, a => a is { Entity: "claim", Action: "LinkClaims" } && a.EntityId == id);
        }

        foreach (var appearance in accepted.Claims.Select(c => c.AppearanceId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            Assert.Contains(audit, a => a is { Entity: "appearance", Action: "AddAppearance" } && a.EntityId == appearance);
        }
    }

    [Fact]
    public async Task New_claims_from_an_article_wait_in_the_review_queue()
    {
        var title = $"Rouhani hopes to restore stability {Guid.NewGuid():N}"[..60];
        var accepted = await AcceptAsync(new AcceptArticle
        {
            Article = SeedArticle.Fields(url: null),
            Claims = [SeedArticle.Claim(10, SeedArticle.RouhaniHope, title, "Hassan Rouhani")],
        });

        var page = await App.QueryAsync(new ListQueue { Tab = QueueTabs.Unassigned, Status = "new", PageSize = ListQueue.MaxPageSize }, await App.ActorAsync("editor"));

        var row = Assert.Single(page.Items, r => r.Id == accepted.Claims[0].ClaimId);
        Assert.Equal((title, "new", "Hassan Rouhani"), (row.Title, row.Status, row.Claimant));
        Assert.Equal(await App.ScalarAsync<long>("SELECT id FROM claimants WHERE name = 'Hassan Rouhani' AND kind = 'person'"),
            await App.ScalarAsync<long>("SELECT claimant_id FROM claims WHERE id = @ClaimId", accepted.Claims[0]));
    }

    [Fact]
    public async Task A_repeat_of_a_recorded_claim_becomes_an_appearance_of_it_not_a_duplicate()
    {
        var stepanakert = await DemoClaimAsync("Azerbaijani forces attacked buildings in Stepanakert");
        var before = await App.ScalarAsync<long>("SELECT count(*) FROM claims");
        var url = UniqueUrl();

        var accepted = await AcceptAsync(new AcceptArticle
        {
            Article = SeedArticle.Fields(url),
            Claims = [new AcceptedClaim { Ref = 4, ExistingClaimId = stepanakert, Text = SeedArticle.Accusation }],
        }, "editor");

        var claim = Assert.Single(accepted.Claims);
        Assert.Equal((stepanakert, false), (claim.ClaimId, claim.Created));
        Assert.Equal(before, await App.ScalarAsync<long>("SELECT count(*) FROM claims"));
        var appearance = (await App.RowsAsync<(long ClaimId, string Quote, bool FirstSeen)>(
            "SELECT claim_id, quote, first_seen FROM appearances WHERE id = @AppearanceId", claim)).Single();
        Assert.Equal((stepanakert, SeedArticle.Accusation, false), appearance);
        Assert.Equal(0L, await App.ScalarAsync<long>("SELECT created FROM article_claims WHERE article_id = @ArticleId", accepted));
        Assert.Contains("TakeInFromArticle", await App.RowsAsync<string>(
            "SELECT action FROM audit_log WHERE entity = 'claim' AND entity_id = CAST(@stepanakert AS TEXT)", new { stepanakert }));
    }

    [Fact]
    public async Task An_appearance_already_recorded_at_the_address_is_reported_not_refused()
    {
        var putin = await DemoClaimAsync("The Nagorno-Karabakh fighting has killed 5,000 people");
        var url = UniqueUrl();
        var accept = new AcceptArticle
        {
            Article = SeedArticle.Fields(url),
            Claims = [new AcceptedClaim { Ref = 7, ExistingClaimId = putin, Text = SeedArticle.Putin }],
        };
        await AcceptAsync(accept, "editor");

        var again = await AcceptAsync(accept, "editor");

        var claim = Assert.Single(again.Claims);
        Assert.True(claim.AppearanceAlreadyRecorded);
        Assert.Null(claim.AppearanceId);
        Assert.Equal(1L, await App.ScalarAsync<long>("SELECT count(*) FROM appearances WHERE claim_id = @putin AND url = @url", new { putin, url }));
    }

    [Fact]
    public async Task A_link_the_recorded_claims_already_have_is_reported_as_already_linked_and_not_written_again()
    {
        var stepanakert = await DemoClaimAsync("Azerbaijani forces attacked buildings in Stepanakert");
        var denial = await DemoClaimAsync("Baku denies attacking buildings in Stepanakert");
        var links = await App.ScalarAsync<long>("SELECT count(*) FROM claim_links");

        var accepted = await AcceptAsync(new AcceptArticle
        {
            Article = SeedArticle.Fields(UniqueUrl()),
            Claims =
            [
                new AcceptedClaim { Ref = 4, ExistingClaimId = stepanakert, Text = SeedArticle.Accusation },
                new AcceptedClaim { Ref = 5, ExistingClaimId = denial, Text = SeedArticle.Denial },
            ],
            Links = [new AcceptedLink(5, 4, "denies")],
        }, "editor");

        var link = Assert.Single(accepted.Links);
        Assert.True(link.AlreadyLinked);
        Assert.Equal(await App.ScalarAsync<long>(
            "SELECT id FROM claim_links WHERE from_claim_id = @denial AND to_claim_id = @stepanakert AND relation = 'denies'", new { denial, stepanakert }), link.LinkId);
        Assert.Equal(links, await App.ScalarAsync<long>("SELECT count(*) FROM claim_links"));
    }

    [Fact]
    public async Task An_article_without_an_address_is_still_where_the_claim_was_seen()
    {
        var appearances = await App.ScalarAsync<long>("SELECT count(*) FROM appearances");

        var accepted = await AcceptAsync(new AcceptArticle
        {
            Article = SeedArticle.Fields(url: null),
            Claims = [SeedArticle.Claim(5, SeedArticle.Denial, "Baku rejects the accusation", "Pemerintah Baku", "government")],
        });

        Assert.Null(accepted.Claims[0].AppearanceId);
        Assert.Equal(appearances, await App.ScalarAsync<long>("SELECT count(*) FROM appearances"));
        Assert.Equal((long)SeedArticle.Text.IndexOf(SeedArticle.Denial, StringComparison.Ordinal),
            await App.ScalarAsync<long>("SELECT start FROM article_claims WHERE article_id = @ArticleId", accepted));
    }

    [Fact]
    public async Task A_bad_claim_in_the_middle_is_named_by_its_place_and_nothing_is_written()
    {
        var before = await CountRowsAsync();
        var bad = SeedArticle.Claim(5, SeedArticle.Denial, "Hoax: Baku denies everything", "Pemerintah Baku", "government", kind: "figure");

        var failure = await Assert.ThrowsAsync<ValidationFailedException>(() => AcceptAsync(new AcceptArticle
        {
            Article = SeedArticle.Fields(UniqueUrl()),
            Claims =
            [
                SeedArticle.Claim(4, SeedArticle.Accusation, "Officials accuse Azerbaijan", "Pejabat lokal", "official-body", "event"),
                bad,
                SeedArticle.Claim(7, SeedArticle.Putin, "Putin's estimate of the dead", "Vladimir Putin"),
            ],
            Links = [new AcceptedLink(5, 4, "denies")],
        }));

        Assert.Equal(["claims[1].figureLow", "claims[1].title"], failure.Errors.Keys.Order());
        Assert.Contains("hoax", failure.Errors["claims[1].title"][0], StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await CountRowsAsync());
    }

    [Fact]
    public async Task A_recorded_claim_that_does_not_exist_refuses_the_whole_accept()
    {
        var before = await CountRowsAsync();

        var failure = await Assert.ThrowsAsync<ValidationFailedException>(() => AcceptAsync(new AcceptArticle
        {
            Article = SeedArticle.Fields(UniqueUrl()),
            Claims =
            [
                SeedArticle.Claim(4, SeedArticle.Accusation, "Officials accuse Azerbaijan", "Pejabat lokal", "official-body", "event"),
                new AcceptedClaim { Ref = 5, ExistingClaimId = 987_654, Text = SeedArticle.Denial },
            ],
        }));

        Assert.Equal("claims[1].existingClaimId", Assert.Single(failure.Errors.Keys));
        Assert.Equal(before, await CountRowsAsync());
    }

    [Fact]
    public async Task Links_and_spans_must_name_accepted_claims_and_places_in_the_article()
    {
        var claim = SeedArticle.Claim(4, SeedArticle.Accusation, "Officials accuse Azerbaijan", "Pejabat lokal", "official-body", "event");
        claim.Start = SeedArticle.Text.Length - 5;

        var failure = await Assert.ThrowsAsync<ValidationFailedException>(() => AcceptAsync(new AcceptArticle
        {
            Article = SeedArticle.Fields(UniqueUrl()),
            Claims = [claim, SeedArticle.Claim(4, SeedArticle.Denial, "Baku denies", "Pemerintah Baku", "government")],
            Links = [new AcceptedLink(4, 9, "denies"), new AcceptedLink(4, 4, "same-as")],
        }));

        Assert.Equal(
            ["claims[0].start", "claims[1].ref", "links[0].to", "links[1].relation", "links[1].to"],
            failure.Errors.Keys.Order());
    }

    [Fact]
    public async Task Accepting_nothing_is_refused_with_a_message()
    {
        var failure = await Assert.ThrowsAsync<ValidationFailedException>(() => AcceptAsync(new AcceptArticle { Article = SeedArticle.Fields(), Claims = [] }));

        Assert.Equal("Choose at least one claim to accept.", Assert.Single(failure.Errors["claims"]));
    }

    [Fact]
    public async Task A_fact_checker_cannot_add_an_article_as_an_appearance_of_a_published_claim_and_nothing_is_written()
    {
        var stepanakert = await DemoClaimAsync("Azerbaijani forces attacked buildings in Stepanakert");
        var counts = "SELECT (SELECT count(*) FROM articles) + (SELECT count(*) FROM appearances) + (SELECT count(*) FROM claims) + (SELECT count(*) FROM audit_log)";
        var before = await App.ScalarAsync<long>(counts);

        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => AcceptAsync(new AcceptArticle
        {
            Article = SeedArticle.Fields(UniqueUrl()),
            Claims =
            [
                new AcceptedClaim { Ref = 4, ExistingClaimId = stepanakert, Text = SeedArticle.Accusation },
                SeedArticle.Claim(5, SeedArticle.Denial, "Baku denies the shelling accusation", "Pemerintah Baku", "government"),
            ],
            Links = [new AcceptedLink(5, 4, "denies")],
        }));

        Assert.Contains("Only an editor", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, await App.ScalarAsync<long>(counts));
    }

    [Theory]
    [InlineData("checker")]
    [InlineData("editor")]
    public async Task Fact_checkers_and_editors_may_accept(string username)
    {
        var accepted = await AcceptAsync(new AcceptArticle
        {
            Article = SeedArticle.Fields(UniqueUrl()),
            Claims = [SeedArticle.Claim(1, SeedArticle.Denial, "Baku denies it", "Pemerintah Baku", "government")],
        }, username);

        Assert.True(accepted.ArticleId > 0);
    }

    [Fact]
    public async Task Readers_and_admins_may_not_accept_or_read_articles()
    {
        var accept = new AcceptArticle { Article = SeedArticle.Fields(), Claims = [SeedArticle.Claim(1, SeedArticle.Denial, "Baku denies it", "Pemerintah Baku", "government")] };
        var extract = new ExtractArticle { Text = SeedArticle.Text, Language = "id" };
        var admin = await App.ActorAsync("admin");

        await Assert.ThrowsAsync<NotAuthenticatedException>(() => App.SendAsync(accept, Actor.Anonymous));
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync(accept, admin));
        await Assert.ThrowsAsync<NotAuthenticatedException>(() => App.QueryAsync(extract, Actor.Anonymous));
        await Assert.ThrowsAsync<ForbiddenException>(() => App.QueryAsync(extract, admin));
    }
}
