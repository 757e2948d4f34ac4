using AngleSharp.Dom;
using Bunit;
using FactCheck.Tests.Claims;
using FactCheck.Web.Features.Claims;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Infrastructure;
using ClaimPage = FactCheck.Web.Features.ClaimDesk.ClaimPage;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace FactCheck.Tests.Components;

/// The staff claim page rendered by bUnit, sending its messages through the real pipeline to the shared test database.
[Collection(SharedAppCollection.Name)]
public sealed class ClaimPageTests : BunitContext, IAsyncLifetime
{
    private const string Stepanakert = "Azerbaijani forces attacked buildings in Stepanakert";
    private const string BakuDenial = "Baku denies attacking buildings in Stepanakert";

    private readonly SharedApp shared;
    private readonly AsyncServiceScope scope;
    private readonly CurrentActor current;
    private bool signedIn;

    public ClaimPageTests(SharedApp shared)
    {
        this.shared = shared;
        scope = shared.App.Services.CreateAsyncScope();
        current = scope.ServiceProvider.GetRequiredService<CurrentActor>();
        current.Actor = shared.App.ActorAsync("editor").GetAwaiter().GetResult();
        Services.AddSingleton(scope.ServiceProvider.GetRequiredService<IMediator>());
        Services.AddSingleton(shared.App.Services.GetRequiredService<ClaimChangeNotifier>());
        Services.AddSingleton(shared.App.Services.GetRequiredService<RatingScale>());
        // MudBlazor debounces typing with the injected TimeProvider: the app's fake clock, which only moves when a test
        // advances it, would hold the link search forever. These tests need no particular time.
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton(shared.App.Services.GetRequiredService<FactCheck.Web.Features.Review.VerdictLanguages>());
        Services.AddMudServices().AddLocalization();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private TestApp App => shared.App;

    [Fact]
    public async Task A_published_claim_links_to_its_public_page_and_a_new_one_does_not()
    {
        var published = RenderClaim(await ClaimIdAsync(Stepanakert));
        published.WaitForAssertion(() => Assert.Equal(
            "/verdicts/azerbaijani-forces-attacked-buildings-in-stepanakert-1",
            published.Find("[data-testid=public-page-link]").GetAttribute("href")));

        var fresh = RenderClaim(await ClaimIdAsync("Pompeo met Azerbaijan's and Armenia's foreign ministers separately"));
        fresh.WaitForAssertion(() => Assert.Equal("Pompeo met Azerbaijan's and Armenia's foreign ministers separately", fresh.Find("[data-testid=claim-title]").TextContent));
        Assert.Empty(fresh.FindAll("[data-testid=public-page-link]"));
    }

    [Fact]
    public async Task The_accusation_shows_the_indonesian_text_its_translation_and_bakus_denial()
    {
        var page = RenderClaim(await ClaimIdAsync(Stepanakert));

        page.WaitForAssertion(() => Assert.Equal(Stepanakert, page.Find("[data-testid=claim-title]").TextContent));
        var text = page.Find("[data-testid=claim-text]");
        Assert.Equal("id", text.GetAttribute("lang"));
        Assert.StartsWith("Pejabat lokal menuduh pasukan Azerbaijan", text.TextContent);
        Assert.StartsWith("Local officials accused Azerbaijani forces", page.Find("[data-testid=claim-translation]").TextContent);
        Assert.Contains("Pejabat lokal Nagorno-Karabakh", page.Find("[data-testid=claimant]").TextContent);

        var deniedBy = LinkGroup(page, "denied by");
        Assert.StartsWith("Denied by", deniedBy.QuerySelector("h3")!.TextContent);
        // Other tests on the shared database may add denials of their own; Baku's must be among them.
        var denial = Assert.Single(deniedBy.QuerySelectorAll("[data-testid=linked-claim]"), d => d.TextContent.Contains(BakuDenial));
        Assert.Contains("Pemerintah Azerbaijan", denial.TextContent);
        Assert.Equal($"/claims/{await ClaimIdAsync(BakuDenial)}", denial.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Bakus_statement_shows_that_it_denies_the_accusation()
    {
        var page = RenderClaim(await ClaimIdAsync(BakuDenial));

        page.WaitForAssertion(() => Assert.StartsWith("Denies", LinkGroup(page, "denies").QuerySelector("h3")!.TextContent));
        Assert.Contains(Stepanakert, LinkGroup(page, "denies").TextContent);
        Assert.Empty(page.FindAll("[data-testid=link-group][data-wording='denied by']"));
    }

    [Fact]
    public async Task An_appearance_with_a_javascript_url_shows_the_field_error_and_writes_nothing()
    {
        var claimId = await NewClaimAsync("Script link");
        var page = RenderClaim(claimId);
        page.WaitForAssertion(() => page.Find("#appearance-url"));

        page.Find("#appearance-url").Change("javascript:alert(1)");
        page.Find("[data-testid=add-appearance] form").Submit();

        page.WaitForAssertion(() => Assert.Contains("Only http:// and https:// links can be stored.", page.Find("[data-testid=add-appearance]").TextContent));
        Assert.Equal(0, await App.ScalarAsync<long>("SELECT count(*) FROM appearances WHERE claim_id = @claimId", new { claimId }));
        Assert.Empty(page.FindAll("[data-testid=appearance]"));
    }

    [Fact]
    public async Task A_valid_appearance_is_listed_as_a_safe_external_link_and_in_the_history()
    {
        var claimId = await NewClaimAsync("Seen online");
        var url = $"https://news.example/{Guid.NewGuid():N}";
        var page = RenderClaim(claimId);
        page.WaitForAssertion(() => page.Find("#appearance-url"));

        page.Find("#appearance-url").Change(url);
        page.Find("#appearance-outlet").Change("Example News");
        page.Find("#appearance-quote").Change("Kutipan dari artikel");
        page.Find("[data-testid=add-appearance] input[type=checkbox]").Change(true);
        page.Find("[data-testid=add-appearance] form").Submit();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=appearance]")));
        var row = page.Find("[data-testid=appearance]");
        var link = row.QuerySelector("a")!;
        Assert.Equal(url, link.GetAttribute("href"));
        Assert.Equal("_blank", link.GetAttribute("target"));
        Assert.Equal("noopener noreferrer nofollow", link.GetAttribute("rel"));
        Assert.Contains("Example News", row.TextContent);
        Assert.Contains("Kutipan dari artikel", row.TextContent);
        Assert.NotNull(row.QuerySelector("[data-testid=first-seen]"));
        Assert.Equal(string.Empty, page.Find("#appearance-url").GetAttribute("value") ?? string.Empty);
        Assert.Equal("Added an appearance: " + url, History(page)[0]);
    }

    [Fact]
    public async Task A_duplicate_appearance_is_refused_next_to_the_address_field()
    {
        var claimId = await NewClaimAsync("Seen twice");
        var url = $"https://news.example/{Guid.NewGuid():N}";
        await App.SendAsync(new AddAppearance { ClaimId = claimId, Url = url }, current.Actor);
        var page = RenderClaim(claimId);
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=appearance]")));

        page.Find("#appearance-url").Change(url);
        page.Find("[data-testid=add-appearance] form").Submit();

        page.WaitForAssertion(() => Assert.Contains("This appearance is already recorded for the claim.", page.Find("[data-testid=add-appearance]").TextContent));
        Assert.Single(page.FindAll("[data-testid=appearance]"));
    }

    [Fact]
    public async Task Linking_two_claims_from_the_page_shows_the_link_on_both()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var denialId = (await App.SendAsync(GetClaimTests.NewClaim($"Ministry rejects report {suffix}"), current.Actor)).Id;
        var reportId = (await App.SendAsync(GetClaimTests.NewClaim($"Report of shelling {suffix}"), current.Actor)).Id;
        var page = RenderClaim(denialId);
        page.WaitForAssertion(() => page.Find("#link-search"));

        page.Find("#link-search").Input($"shelling {suffix}");
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=link-candidate]")), TimeSpan.FromSeconds(5));
        Assert.Equal(reportId.ToString(), page.Find("[data-testid=link-candidate]").GetAttribute("data-claim-id"));
        page.Find("[data-testid=pick-claim]").Click();
        page.WaitForAssertion(() => Assert.Contains($"Report of shelling {suffix}", page.Find("[data-testid=picked-claim]").TextContent));
        page.Find("#link-note").Change("The ministry calls the report invented.");
        page.Find("[data-testid=add-link] form").Submit();

        page.WaitForAssertion(() => Assert.Contains($"Report of shelling {suffix}", LinkGroup(page, "denies").TextContent));
        Assert.Contains("The ministry calls the report invented.", LinkGroup(page, "denies").TextContent);

        var other = RenderClaim(reportId);
        other.WaitForAssertion(() => Assert.Contains($"Ministry rejects report {suffix}", LinkGroup(other, "denied by").TextContent));
    }

    [Fact]
    public async Task Linking_without_picking_a_claim_asks_for_one()
    {
        var claimId = await NewClaimAsync("Lonely claim");
        var page = RenderClaim(claimId);
        page.WaitForAssertion(() => page.Find("[data-testid=add-link] form"));

        page.Find("[data-testid=add-link] form").Submit();

        page.WaitForAssertion(() => Assert.Contains("Search for the other claim and pick it.", page.Find("[data-testid=picked-claim]").TextContent));
        Assert.Equal(0, await App.ScalarAsync<long>("SELECT count(*) FROM claim_links WHERE from_claim_id = @claimId", new { claimId }));
    }

    [Fact]
    public async Task Removing_a_link_takes_it_off_the_page_and_keeps_it_in_the_history()
    {
        var supporting = await NewClaimAsync("Witness backs it");
        var supported = await NewClaimAsync("Witnessed event");
        await App.SendAsync(new LinkClaims { FromClaimId = supporting, ToClaimId = supported, Relation = "supports" }, current.Actor);
        var page = RenderClaim(supported);
        page.WaitForAssertion(() => Assert.Contains("Witness backs it", LinkGroup(page, "supported by").TextContent));

        page.Find("[data-testid=linked-claim] button").Click();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=no-links]")));
        Assert.Equal([$"Removed a link: #{supporting} supports #{supported}", $"Linked claims: #{supporting} supports #{supported}", "Recorded the claim"], History(page));
        Assert.Equal(0, await App.ScalarAsync<long>("SELECT count(*) FROM claim_links WHERE to_claim_id = @supported", new { supported }));
    }

    [Fact]
    public async Task A_merged_claim_points_to_its_original()
    {
        var original = await NewClaimAsync("Original report");
        var duplicate = await NewClaimAsync("Copy of the report");
        await App.SendAsync(new LinkClaims { FromClaimId = duplicate, ToClaimId = original, Relation = "same-as" }, current.Actor);

        var page = RenderClaim(duplicate);

        page.WaitForAssertion(() => Assert.Contains("merged as a duplicate", page.Find("[data-testid=merged-notice]").TextContent));
        Assert.Equal($"/claims/{original}", page.Find("[data-testid=merged-notice] a").GetAttribute("href"));
        Assert.Contains("Original report", page.Find("[data-testid=merged-notice]").TextContent);
    }

    [Fact]
    public async Task Putins_figure_is_charted_with_an_accessible_text()
    {
        var putin = await App.ScalarAsync<long>("SELECT id FROM claims WHERE text LIKE '%5.000 orang%' ORDER BY id LIMIT 1");

        var page = RenderClaim(putin);

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=figure-chart] svg")));
        var mark = page.Find($"[data-testid=figure-chart] g.figure-point[data-claim-id='{putin}']");
        Assert.Equal("true", mark.GetAttribute("data-this-claim"));
        var row = Assert.Single(page.FindAll("[data-testid=figure-table] tbody tr"), r => r.TextContent.Contains("Vladimir Putin"));
        Assert.Contains("5,000 deaths", row.TextContent);
        Assert.Contains("Vladimir Putin: 5,000 deaths", page.Find("[data-testid=figure-chart] svg desc").TextContent);
    }

    [Fact]
    public async Task A_claim_that_is_not_a_figure_has_no_chart()
    {
        var page = RenderClaim(await ClaimIdAsync(Stepanakert));

        page.WaitForAssertion(() => page.Find("[data-testid=claim-text]"));
        Assert.Empty(page.FindAll("[data-testid=figure-chart]"));
    }

    [Fact]
    public void A_missing_claim_shows_the_not_found_state()
    {
        var page = RenderClaim(long.MaxValue);

        page.WaitForAssertion(() => Assert.Contains("This claim does not exist", page.Find("[data-testid=claim-not-found]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=claim-text]"));
    }

    [Fact]
    public async Task Staff_without_a_desk_role_read_the_claim_but_get_no_write_forms()
    {
        current.Actor = await App.ActorAsync("admin");
        var page = RenderClaim(await ClaimIdAsync(Stepanakert), Roles.Admin);

        page.WaitForAssertion(() => page.Find("[data-testid=claim-text]"));
        Assert.Empty(page.FindAll("[data-testid=add-link]"));
        Assert.Empty(page.FindAll("[data-testid=add-appearance]"));
        Assert.Empty(page.FindAll("[data-testid=linked-claim] button"));
    }

    [Fact]
    public async Task A_refusal_by_the_pipeline_is_shown_not_thrown()
    {
        // The page was loaded while the user was an editor; the database says they are not any more.
        var claimId = await NewClaimAsync("Refused appearance");
        var (_, _, stale) = await App.NewUserAsync(Roles.Editor, "stale");
        current.Actor = stale;
        var page = RenderClaim(claimId);
        page.WaitForAssertion(() => page.Find("#appearance-url"));
        await App.ScalarAsync<long>("UPDATE user_roles SET role = 'admin' WHERE user_id = @UserId RETURNING 1", new { stale.UserId });

        page.Find("#appearance-url").Change("https://news.example/refused");
        page.Find("[data-testid=add-appearance] form").Submit();

        page.WaitForAssertion(() => Assert.Contains("AddAppearance needs one of the roles", page.Find("[data-testid=appearance-error]").TextContent));
        Assert.Equal(0, await App.ScalarAsync<long>("SELECT count(*) FROM appearances WHERE claim_id = @claimId", new { claimId }));
    }

    /// The first render fixes who the page thinks is signed in; bUnit takes no new services after that.
    [Fact]
    public async Task Markup_in_a_claim_is_shown_as_text_never_run()
    {
        const string hostile = "Dia berkata <script>alert('x')</script> <img src=x onerror=alert(1)> & \"selesai\"";
        var id = (await App.SendAsync(GetClaimTests.NewClaim("Hostile " + Guid.NewGuid().ToString("N")[..8]) with
        {
            Text = hostile,
            TranslationEn = "<b>bold</b> claim",
        }, await App.ActorAsync("editor"))).Id;

        var page = RenderClaim(id);

        page.WaitForAssertion(() => Assert.Equal(hostile, page.Find("[data-testid=claim-text]").TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid=claim-text] script, [data-testid=claim-text] img"));
        Assert.Empty(page.FindAll("[data-testid=claim-translation] b"));
        Assert.Contains("&lt;script&gt;", page.Markup);
    }

    private IRenderedComponent<ClaimPage> RenderClaim(long id, string role = Roles.Editor)
    {
        if (!signedIn)
        {
            AddAuthorization().SetAuthorized(current.Actor.Name).SetRoles(role);
            signedIn = true;
        }

        return Render<ClaimPage>(p => p.Add(c => c.Id, id));
    }

    private static IElement LinkGroup(IRenderedComponent<ClaimPage> page, string wording) =>
        page.Find($"[data-testid=links] [data-testid=link-group][data-wording='{wording}']");

    private Task<long> ClaimIdAsync(string title) =>
        App.ScalarAsync<long>("SELECT id FROM claims WHERE title = @title ORDER BY id LIMIT 1", new { title });

    /// A fresh claim whose title ends with a unique word, so tests never see each other's claims.
    private async Task<long> NewClaimAsync(string title) =>
        (await App.SendAsync(GetClaimTests.NewClaim($"{title} {Guid.NewGuid().ToString("N")[..8]}"), await App.ActorAsync("editor"))).Id;

    private static List<string> History(IRenderedComponent<ClaimPage> page) =>
        page.FindAll("[data-testid=history-entry]").Select(e => e.QuerySelectorAll("div")[1].TextContent.Trim()).ToList();

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor registers services that only dispose asynchronously.
    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await scope.DisposeAsync();
    }
}
