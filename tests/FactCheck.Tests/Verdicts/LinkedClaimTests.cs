namespace FactCheck.Tests.Verdicts;

/// "The other side": a claim and the claims that deny, dispute, support or correct it, on each other's pages.
[Collection(SharedAppCollection.Name)]
public sealed class LinkedClaimTests(SharedApp shared)
{
    private TestApp App => shared.App;

    [Theory]
    [InlineData("en", "Denied by Pemerintah Azerbaijan", "rated Mostly false", "Denies a claim by Pejabat lokal Nagorno-Karabakh", "rated Mostly true")]
    [InlineData("id", "Dibantah oleh Pemerintah Azerbaijan", "dinilai Sebagian besar salah", "Membantah klaim Pejabat lokal Nagorno-Karabakh", "dinilai Sebagian besar benar")]
    public async Task Accusation_and_denial_show_each_other_side_by_side_with_their_ratings(
        string language, string deniedBy, string denialRated, string denies, string accusationRated)
    {
        var accusation = await Demo.SlugAsync(App, "stepanakert");
        var denial = await Demo.SlugAsync(App, "baku-denial");

        var accusationPage = await PublicPage.GetAsync(App, PublicPage.Url(accusation, language));
        var denialPage = await PublicPage.GetAsync(App, PublicPage.Url(denial, language));

        var other = accusationPage.One("[data-testid=linked-claim]");
        Assert.Equal(deniedBy, other.QuerySelector(".relation")!.TextContent);
        Assert.Equal(denialRated, other.QuerySelector("[data-testid=linked-rating]")!.TextContent);
        Assert.Equal("mostly-false", other.QuerySelector("[data-testid=rating]")!.GetAttribute("data-rating"));
        var link = other.QuerySelector("a")!;
        Assert.Equal((PublicPage.Url(denial, language), Demo.Claim("baku-denial").Title), (link.GetAttribute("href"), link.TextContent));

        var back = denialPage.One("[data-testid=linked-claim]");
        Assert.Equal(denies, back.QuerySelector(".relation")!.TextContent);
        Assert.Equal(accusationRated, back.QuerySelector("[data-testid=linked-rating]")!.TextContent);
        Assert.Equal(PublicPage.Url(accusation, language), back.QuerySelector("a")!.GetAttribute("href"));
        var denialVerdict = Demo.Verdict("baku-denial").Verdict;
        Assert.Equal(language == "id" ? denialVerdict.Id.Title : denialVerdict.En.Title, denialPage.H1);
        Assert.Equal(language, denialPage.Language);
    }

    [Fact]
    public async Task Links_on_a_page_without_lang_in_the_address_stay_plain()
    {
        var page = await PublicPage.GetAsync(App, PublicPage.Url(await Demo.SlugAsync(App, "stepanakert")));

        Assert.Equal(PublicPage.Url(await Demo.SlugAsync(App, "baku-denial")), page.One("[data-testid=linked-claim] a").GetAttribute("href"));
    }
}

/// Linked claims that are still being checked, on a verdict page (the app's own claims).
public sealed class LinkedBeingCheckedClaimTests(VerdictsApp fixture) : IClassFixture<VerdictsApp>
{
    [Theory]
    [InlineData("en", "Disputed by", "Being checked")]
    [InlineData("id", "Disanggah oleh", "Sedang diperiksa")]
    public async Task A_linked_claim_being_checked_is_shown_as_being_checked_and_links_to_its_status_page(string language, string disputedBy, string beingChecked)
    {
        var flow = fixture.Workflow;
        var verdict = await flow.SubmitAndPublishAsync();
        var dispute = await flow.SubmitAsync(c => c.Title = "The market in Tartar was never shelled");
        await flow.Review.LinkAsync(dispute.Id, verdict.Id, "disputes");
        await flow.MoveToAsync(dispute.Id, "researching");
        var hidden = await flow.SubmitAsync(c => c.Title = "Nobody was at the market in Tartar");
        await flow.Review.LinkAsync(hidden.Id, verdict.Id, "supports");

        var page = await PublicPage.GetAsync(fixture.App, PublicPage.Url(verdict.Slug, language));

        // The new claim is not public yet: it is not listed, not even by title.
        var other = page.One("[data-testid=linked-claim]");
        Assert.DoesNotContain("Nobody was at the market", page.Html);
        Assert.StartsWith(disputedBy + " Kementerian Pertahanan", other.QuerySelector(".relation")!.TextContent);
        Assert.Equal(beingChecked, other.QuerySelector("[data-testid=linked-rating]")!.TextContent);
        Assert.Null(other.QuerySelector("[data-testid=rating]"));
        var status = await PublicPage.GetAsync(fixture.App, other.QuerySelector("a")!.GetAttribute("href")!);
        Assert.Equal("The market in Tartar was never shelled", status.H1);
        Assert.Single(status.Document.QuerySelectorAll("[data-testid=being-checked]"));
    }
}
