using System.Net;
using FactCheck.Tests.Review;
using FactCheck.Web.Features.Claims;
using FactCheck.Web.Features.Topics;
using FactCheck.Web.Features.Verdicts;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Tests.Claims;

/// The managed topic list: topics typed on claims join it, editors relabel and merge them, and readers find each
/// topic's verdicts at /topics/{slug} in their language.
[Collection(SharedAppCollection.Name)]
public sealed class TopicTests(SharedApp shared)
{
    private TestApp App => shared.App;

    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)];

    private async Task<TopicSummary> TopicAsync(string name, Actor actor) =>
        Assert.Single(await App.QueryAsync(new ListTopics(), actor), t => t.Name == name);

    private async Task<long> PublishedClaimWithTopicAsync(ReviewDriver review, string topic)
    {
        var id = await review.ClaimInStateAsync("researching");
        await App.SendAsync(EditClaim.From(await App.QueryAsync(new GetClaim(id), review.Editor)) with { Topics = [topic] }, review.Editor);
        await review.AddEvidenceAsync(id);
        await review.SubmitAsync(id);
        await review.ApproveAsync(id);
        if (await review.StatusAsync(id) == "in_review")
        {
            await review.ApproveAsync(id, review.Editor2);
        }

        Assert.Equal("published", await review.StatusAsync(id));
        return id;
    }

    [Fact]
    public async Task A_topic_typed_on_a_claim_joins_the_list_and_is_suggested_afterwards_in_its_recorded_spelling()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var name = Unique("banjir");

        var claim = await App.SendAsync(new SubmitClaim { Title = "Banjir di Makassar", Text = "Banjir merendam 300 rumah", Language = "id", ClaimantName = "Warga", ClaimantKind = "other", Topics = [name] }, review.Checker);
        var again = await App.SendAsync(new SubmitClaim { Title = "Banjir lagi", Text = "Banjir merendam 400 rumah", Language = "id", ClaimantName = "Warga", ClaimantKind = "other", Topics = [name.ToUpperInvariant()] }, review.Checker);

        var topic = await TopicAsync(name, review.Checker);
        Assert.Equal((name, name, 2L), (topic.LabelId, topic.LabelEn, topic.Claims));
        Assert.Contains(await App.QueryAsync(new SuggestTopics(name[..8]), review.Checker), t => t.Name == name);
        Assert.Equal([name], (await App.QueryAsync(new GetClaim(again.Id), review.Checker)).Topics);
        Assert.NotEqual(claim.Id, again.Id);
    }

    [Fact]
    public async Task An_editor_relabels_a_topic_and_its_public_page_follows_in_both_languages_at_the_same_address()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var name = Unique("pemilu");
        var claimId = await PublishedClaimWithTopicAsync(review, name);
        var topic = await TopicAsync(name, review.Editor);

        await App.SendAsync(new RenameTopic { TopicId = topic.Id, Version = topic.Version, LabelId = "Pemilihan umum", LabelEn = "Elections" }, review.Editor);

        var reader = App.CreateClient();
        var indonesian = await reader.GetStringAsync($"/topics/{topic.Slug}?lang=id");
        var english = await reader.GetStringAsync($"/topics/{topic.Slug}?lang=en");
        Assert.Contains("Pemilihan umum", indonesian);
        Assert.Contains("Elections", english);
        Assert.DoesNotContain("Pemilihan umum", english);
        var slug = (await App.QueryAsync(new GetClaim(claimId), review.Editor)).Claim.Slug;
        Assert.Contains($"/topics/{topic.Slug}", await reader.GetStringAsync($"/verdicts/{slug}?lang=en"));
        Assert.Contains(slug, english);
    }

    [Fact]
    public async Task Only_editors_relabel_and_merge_and_a_stale_or_blank_label_is_refused()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var name = Unique("pajak");
        await PublishedClaimWithTopicAsync(review, name);
        var topic = await TopicAsync(name, review.Editor);

        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync(new RenameTopic { TopicId = topic.Id, Version = topic.Version, LabelId = "Pajak", LabelEn = "Taxes" }, review.Checker));
        var blank = await Assert.ThrowsAsync<ValidationFailedException>(() => App.SendAsync(new RenameTopic { TopicId = topic.Id, Version = topic.Version, LabelId = " ", LabelEn = "Taxes" }, review.Editor));
        Assert.Equal([nameof(RenameTopic.LabelId)], blank.Errors.Keys);
        await App.SendAsync(new RenameTopic { TopicId = topic.Id, Version = topic.Version, LabelId = "Pajak", LabelEn = "Taxes" }, review.Editor);
        await Assert.ThrowsAsync<ConflictException>(() => App.SendAsync(new RenameTopic { TopicId = topic.Id, Version = topic.Version, LabelId = "Stale", LabelEn = "Stale" }, review.Editor));
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync(new MergeTopics(topic.Id, topic.Id), review.Checker));

        Assert.Equal(("Pajak", "Taxes"), (await TopicAsync(name, review.Editor)) is var now ? (now.LabelId, now.LabelEn) : default);
    }

    [Fact]
    public async Task Merging_moves_the_claims_to_the_topic_kept_and_the_old_address_redirects_there()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var oldName = Unique("karabakh");
        var keptName = Unique("nk");
        var claimId = await PublishedClaimWithTopicAsync(review, oldName);
        var old = await TopicAsync(oldName, review.Editor);
        await App.SendAsync(new SubmitClaim { Title = "Other", Text = "Kata lain", Language = "id", ClaimantName = "Warga", ClaimantKind = "other", Topics = [keptName] }, review.Checker);
        var kept = await TopicAsync(keptName, review.Editor);

        var moved = await App.SendAsync(new MergeTopics(old.Id, kept.Id), review.Editor);

        Assert.Equal(1, moved);
        Assert.Equal([keptName], (await App.QueryAsync(new GetClaim(claimId), review.Editor)).Topics);
        Assert.DoesNotContain(await App.QueryAsync(new ListTopics(), review.Editor), t => t.Name == oldName);
        var response = await App.Browser().GetAsync($"/topics/{old.Slug}");
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.EndsWith($"/topics/{kept.Slug}", response.Headers.Location!.ToString());

        var typedAgain = await App.SendAsync(new SubmitClaim { Title = "Typed the old name", Text = "Kata ketiga", Language = "id", ClaimantName = "Warga", ClaimantKind = "other", Topics = [oldName] }, review.Checker);
        Assert.Equal([keptName], (await App.QueryAsync(new GetClaim(typedAgain.Id), review.Editor)).Topics);
    }

    [Fact]
    public async Task An_unknown_topic_is_a_404_page()
    {
        var response = await App.CreateClient().GetAsync("/topics/no-such-topic-anywhere");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
