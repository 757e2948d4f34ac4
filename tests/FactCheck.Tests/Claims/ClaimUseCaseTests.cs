using FactCheck.Web.Features.Claims;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Tests.Claims;

[Collection(SharedAppCollection.Name)]
public sealed class ClaimUseCaseTests(SharedApp shared)
{
    private TestApp App => shared.App;

    private static string Unique(string text) => $"{text} {Guid.NewGuid():N}";

    private async Task<long> ClaimIdAsync(string title) =>
        await App.ScalarAsync<long>("SELECT id FROM claims WHERE title = @title", new { title });

    private async Task<SubmittedClaim> SubmitAsync(Action<SubmitClaim>? change = null, string username = "checker")
    {
        var command = new SubmitClaim
        {
            Title = "A claim to link",
            Text = Unique("Pasukan menembaki desa di perbatasan"),
            Language = "id",
            ClaimantName = "Test Ministry " + Guid.NewGuid().ToString("N")[..6],
            ClaimantKind = "government",
            Kind = "statement",
        };
        change?.Invoke(command);
        return await App.SendAsync(command, await App.ActorAsync(username));
    }

    [Fact]
    public async Task Text_is_stored_exactly_as_typed_with_unicode_quotes_and_markup()
    {
        const string text = "«Bukan kami» — kata juru bicara: <script>alert('x')</script> & \"7.000 jiwa\" ✓ Ağdam";
        var submitted = await SubmitAsync(c => c.Text = text);

        Assert.Equal(text, await App.ScalarAsync<string>("SELECT text FROM claims WHERE id = @Id", new { submitted.Id }));
    }

    [Fact]
    public async Task A_claimant_named_again_is_reused_not_duplicated()
    {
        var name = "Juru bicara " + Guid.NewGuid().ToString("N")[..6];
        var first = await SubmitAsync(c => { c.ClaimantName = name; c.ClaimantKind = "person"; });
        var second = await SubmitAsync(c => { c.ClaimantName = name.ToUpperInvariant(); c.ClaimantKind = "person"; });

        Assert.Equal(first.ClaimantId, second.ClaimantId);
    }

    [Fact]
    public async Task Bad_input_is_refused_field_by_field_and_writes_nothing()
    {
        var claims = await App.ScalarAsync<long>("SELECT count(*) FROM claims");

        var failure = await Assert.ThrowsAsync<ValidationFailedException>(() => SubmitAsync(c =>
        {
            c.Text = new string('x', 10_001);
            c.Language = "zz-nope";
            c.Kind = "figure";
            c.FigureLow = 900;
            c.FigureHigh = 100;
            c.FigureUnit = "deaths";
            c.AppearanceUrl = "javascript:alert(1)";
            c.Title = "Hoax: the city was attacked";
        }));

        Assert.Superset(
            new HashSet<string> { nameof(SubmitClaim.Text), nameof(SubmitClaim.Language), nameof(SubmitClaim.FigureLow), nameof(SubmitClaim.AppearanceUrl), nameof(SubmitClaim.Title) },
            failure.Errors.Keys.ToHashSet());
        Assert.Contains("hoax", failure.Errors[nameof(SubmitClaim.Title)][0], StringComparison.OrdinalIgnoreCase);
        Assert.Equal(claims, await App.ScalarAsync<long>("SELECT count(*) FROM claims"));
    }

    [Fact]
    public async Task A_figure_claim_keeps_its_range_unit_and_date()
    {
        var submitted = await SubmitAsync(c =>
        {
            c.Kind = "figure";
            c.FigureLow = 3_000;
            c.FigureHigh = 5_000;
            c.FigureUnit = "deaths";
            c.FigureAsOf = new DateOnly(2020, 10, 22);
        });

        var detail = await App.QueryAsync(new GetClaim(submitted.Id), await App.ActorAsync("editor"));

        Assert.Equal((3000d, 5000d, "deaths", new DateOnly(2020, 10, 22)), (detail.Claim.FigureLow!.Value, detail.Claim.FigureHigh!.Value, detail.Claim.FigureUnit!, detail.Claim.FigureAsOf!.Value));
    }

    [Fact]
    public async Task The_denial_shows_on_both_claims_with_the_inverse_wording()
    {
        var editor = await App.ActorAsync("editor");
        var accusation = await ClaimIdAsync("Azerbaijani forces attacked buildings in Stepanakert");
        var denial = await ClaimIdAsync("Baku denies attacking buildings in Stepanakert");

        var accusationPage = await App.QueryAsync(new GetClaim(accusation), editor);
        var denialPage = await App.QueryAsync(new GetClaim(denial), editor);

        var deniedBy = Assert.Single(accusationPage.Links, l => l.Relation == "denies");
        Assert.Equal(("denied by", denial, "Pemerintah Azerbaijan"), (deniedBy.Wording, deniedBy.ClaimId, deniedBy.Claimant));
        var denies = Assert.Single(denialPage.Links, l => l.Relation == "denies");
        Assert.Equal(("denies", accusation), (denies.Wording, denies.ClaimId));
    }

    [Fact]
    public async Task Links_refuse_self_links_duplicates_either_way_and_missing_claims()
    {
        var checker = await App.ActorAsync("checker");
        var a = await SubmitAsync();
        var b = await SubmitAsync();
        await App.SendAsync(new LinkClaims { FromClaimId = a.Id, ToClaimId = b.Id, Relation = "disputes" }, checker);

        var self = await Assert.ThrowsAsync<ValidationFailedException>(() => App.SendAsync(new LinkClaims { FromClaimId = a.Id, ToClaimId = a.Id, Relation = "denies" }, checker));
        var reverse = await Assert.ThrowsAsync<ValidationFailedException>(() => App.SendAsync(new LinkClaims { FromClaimId = b.Id, ToClaimId = a.Id, Relation = "disputes" }, checker));
        var missing = await Assert.ThrowsAsync<ValidationFailedException>(() => App.SendAsync(new LinkClaims { FromClaimId = a.Id, ToClaimId = 987_654, Relation = "denies" }, checker));
        var unknown = await Assert.ThrowsAsync<ValidationFailedException>(() => App.SendAsync(new LinkClaims { FromClaimId = a.Id, ToClaimId = b.Id, Relation = "refutes" }, checker));

        Assert.All(new[] { self, reverse, missing }, f => Assert.Contains(nameof(LinkClaims.ToClaimId), f.Errors.Keys));
        Assert.Contains(nameof(LinkClaims.Relation), unknown.Errors.Keys);
        Assert.Equal(1, await App.ScalarAsync<long>("SELECT count(*) FROM claim_links WHERE from_claim_id IN (@A, @B)", new { A = a.Id, B = b.Id }));
    }

    [Fact]
    public async Task Same_as_merges_the_duplicate_into_its_original_and_unlinking_restores_it()
    {
        var checker = await App.ActorAsync("checker");
        var original = await SubmitAsync();
        var duplicate = await SubmitAsync();

        var linkId = await App.SendAsync(new LinkClaims { FromClaimId = duplicate.Id, ToClaimId = original.Id, Relation = "same-as" }, checker);

        var merged = await App.QueryAsync(new GetClaim(duplicate.Id), checker);
        Assert.Equal(("merged", original.Id), (merged.Claim.Status, merged.Claim.MergedIntoId!.Value));
        Assert.DoesNotContain((await App.QueryAsync(new ListClaims(Web.Features.Queue.Queue.OpenStatuses, PageSize: 200), checker)).Items, c => c.Id == duplicate.Id);
        var third = await SubmitAsync();
        var editor = await App.ActorAsync("editor");
        await Assert.ThrowsAsync<ValidationFailedException>(() =>
            App.SendAsync(new LinkClaims { FromClaimId = third.Id, ToClaimId = duplicate.Id, Relation = "same-as" }, editor));

        // Out of the workflow, the duplicate is an editor's to restore.
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync(new UnlinkClaims(original.Id, linkId), checker));
        await App.SendAsync(new UnlinkClaims(original.Id, linkId), editor);

        var restored = await App.QueryAsync(new GetClaim(duplicate.Id), checker);
        Assert.Equal("new", restored.Claim.Status);
        Assert.Null(restored.Claim.MergedIntoId);
    }

    [Fact]
    public async Task A_repeat_is_recorded_as_an_appearance_of_the_known_claim_not_a_new_claim()
    {
        var checker = await App.ActorAsync("checker");
        var claim = await SubmitAsync(c => { c.AppearanceUrl = "https://example.org/first"; c.AppearanceOutlet = "Example Daily"; });
        var claims = await App.ScalarAsync<long>("SELECT count(*) FROM claims");

        await App.SendAsync(new AddAppearance { ClaimId = claim.Id, Url = "https://example.org/repeat", Outlet = "Other Post", PublishedOn = new DateOnly(2020, 10, 25), FirstSeen = true }, checker);

        Assert.Equal(claims, await App.ScalarAsync<long>("SELECT count(*) FROM claims"));
        var appearances = (await App.QueryAsync(new GetClaim(claim.Id), checker)).Appearances;
        Assert.Equal(2, appearances.Count);
        Assert.Equal("https://example.org/repeat", Assert.Single(appearances, a => a.FirstSeen).Url);
        var again = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            App.SendAsync(new AddAppearance { ClaimId = claim.Id, Url = "https://example.org/repeat" }, checker));
        Assert.Contains(nameof(AddAppearance.Url), again.Errors.Keys);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("file:///etc/passwd")]
    [InlineData("/relative/path")]
    [InlineData("ftp://example.org/x")]
    public async Task Only_http_and_https_links_are_stored(string url)
    {
        var claim = await SubmitAsync();

        var checker = await App.ActorAsync("checker");
        var failure = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            App.SendAsync(new AddAppearance { ClaimId = claim.Id, Url = url }, checker));

        Assert.Contains(nameof(AddAppearance.Url), failure.Errors.Keys);
        Assert.Equal(0, await App.ScalarAsync<long>("SELECT count(*) FROM appearances WHERE claim_id = @Id", new { claim.Id }));
    }

    [Fact]
    public async Task A_new_claim_can_be_submitted_with_its_counter_claim_link_in_one_step()
    {
        var checker = await App.ActorAsync("checker");
        var accusation = await ClaimIdAsync("Azerbaijani forces attacked buildings in Stepanakert");

        var denial = await SubmitAsync(c => c.Links = [new NewLink(accusation, "disputes", "Second denial, from the ministry")], "editor");

        var links = (await App.QueryAsync(new GetClaim(accusation), checker)).Links;
        Assert.Contains(links, l => l.ClaimId == denial.Id && l.Wording == "disputed by" && l.Note == "Second denial, from the ministry");
    }

    [Fact]
    public async Task A_bad_link_in_the_intake_rolls_back_the_whole_claim()
    {
        var text = Unique("Klaim dengan tautan buruk");
        var claims = await App.ScalarAsync<long>("SELECT count(*) FROM claims");

        await Assert.ThrowsAsync<ValidationFailedException>(() => SubmitAsync(c => { c.Text = text; c.Links = [new NewLink(999_999, "denies")]; }));

        Assert.Equal(claims, await App.ScalarAsync<long>("SELECT count(*) FROM claims"));
    }

    [Fact]
    public async Task The_claim_page_shows_comparable_figures_on_the_same_topic()
    {
        var checker = await App.ActorAsync("checker");
        var putin = await App.ScalarAsync<long>("SELECT id FROM claims WHERE title = 'The Nagorno-Karabakh fighting has killed 5,000 people'");
        var other = await SubmitAsync(c =>
        {
            c.Kind = "figure";
            c.FigureLow = 2_300;
            c.FigureHigh = 2_700;
            c.FigureUnit = "deaths";
            c.FigureAsOf = new DateOnly(2020, 10, 30);
            c.Topics = ["casualties"];
        });

        var figures = (await App.QueryAsync(new GetClaim(putin), checker)).Figures;

        Assert.Contains(figures, f => f.ClaimId == putin && f.IsThisClaim && f.Low == 5000 && f.Claimant == "Vladimir Putin");
        Assert.Contains(figures, f => f.ClaimId == other.Id && !f.IsThisClaim && f.High == 2700);
    }

    [Fact]
    public async Task The_claim_history_lists_what_was_done_to_it()
    {
        var checker = await App.ActorAsync("checker");
        var claim = await SubmitAsync();
        await App.SendAsync(new AddAppearance { ClaimId = claim.Id, Url = "https://example.org/history" }, checker);

        var history = (await App.QueryAsync(new GetClaim(claim.Id), checker)).History;

        Assert.Equal(["AddAppearance", "SubmitClaim"], history.Select(h => h.Action).ToArray());
        Assert.All(history, h => Assert.Equal("checker", h.Actor));
    }

    [Fact]
    public async Task A_missing_claim_or_claimant_is_not_found()
    {
        var editor = await App.ActorAsync("editor");

        await Assert.ThrowsAsync<NotFoundException>(() => App.QueryAsync(new GetClaim(424_242), editor));
        await Assert.ThrowsAsync<NotFoundException>(() => App.QueryAsync(new GetClaimant(424_242), editor));
    }

    [Fact]
    public async Task The_claimant_page_lists_the_claimants_track_record()
    {
        var editor = await App.ActorAsync("editor");
        var id = await App.ScalarAsync<long>("SELECT id FROM claimants WHERE name = 'Pemerintah Azerbaijan'");

        var claimant = await App.QueryAsync(new GetClaimant(id), editor);

        Assert.Equal("government", claimant.Claimant.Kind);
        Assert.Contains(claimant.Claims, c => c.Title == "Baku denies attacking buildings in Stepanakert");
        Assert.Contains(claimant.Claims, c => c.Title == "Azerbaijan blames Armenia for the fighting");
    }

    [Fact]
    public async Task Readers_cannot_write_claims_and_editors_or_factcheckers_can()
    {
        await Assert.ThrowsAsync<NotAuthenticatedException>(() => App.SendAsync(new AddAppearance { ClaimId = 1, Url = "https://example.org" }, Actor.Anonymous));
        var admin = await App.ActorAsync("admin");
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync(new UnlinkClaims(1, 1), admin));
    }
}
