using FactCheck.Web.Features.Claims;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Tests.Claims;

[Collection(SharedAppCollection.Name)]
public sealed class GetClaimTests(SharedApp shared)
{
    private TestApp App => shared.App;

    [Fact]
    public async Task History_keeps_a_link_after_it_is_removed()
    {
        var editor = await App.ActorAsync("editor");
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var accusation = await App.SendAsync(NewClaim($"Accusation {suffix}"), editor);
        var denial = await App.SendAsync(NewClaim($"Denial {suffix}"), editor);
        var linkId = await App.SendAsync(new LinkClaims { FromClaimId = denial.Id, ToClaimId = accusation.Id, Relation = "denies" }, editor);

        await App.SendAsync(new UnlinkClaims(accusation.Id, linkId), editor);

        foreach (var id in new[] { accusation.Id, denial.Id })
        {
            var detail = await App.QueryAsync(new GetClaim(id), editor);
            Assert.Empty(detail.Links);
            Assert.Equal(["UnlinkClaims", "LinkClaims", "SubmitClaim"], detail.History.Select(h => h.Action));
        }
    }

    [Fact]
    public async Task A_missing_claim_is_not_found()
    {
        var editor = await App.ActorAsync("editor");

        await Assert.ThrowsAsync<NotFoundException>(() => App.QueryAsync(new GetClaim(long.MaxValue), editor));
    }

    internal static SubmitClaim NewClaim(string title, string kind = "statement") => new()
    {
        Title = title,
        Text = $"Teks klaim {title}.",
        Language = "id",
        TranslationEn = $"Claim text {title}.",
        ClaimantName = "Test claimant " + title,
        ClaimantKind = "person",
        Kind = kind,
    };
}
