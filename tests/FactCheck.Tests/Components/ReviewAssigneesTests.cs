using FactCheck.Tests.Review;
using FactCheck.Web.Features.Accounts;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Tests.Components;

/// The people the claim page's assign and reassign forms offer.
[Collection(SharedAppCollection.Name)]
public sealed class ReviewAssigneesTests(SharedApp shared)
{
    private TestApp App => shared.App;

    [Fact]
    public async Task Assignees_are_the_active_fact_checkers_and_editors()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var (_, _, gone) = await App.NewUserAsync(Roles.FactChecker, "gone");
        var goneVersion = await App.ScalarAsync<long>("SELECT version FROM users WHERE id = @UserId", new { gone.UserId });
        await App.SendAsync(new SetUserActive(gone.UserId!.Value, goneVersion, Active: false), review.Admin);

        var assignees = await App.QueryAsync(new ListAssignees(), review.Editor);

        var byName = assignees.ToDictionary(a => a.DisplayName);
        Assert.True(byName["Budi Checker"].IsFactChecker);
        Assert.False(byName["Eka Editor"].IsFactChecker);
        Assert.Contains("Dewi Editor", byName.Keys);
        Assert.DoesNotContain(assignees, a => a.Id == review.Admin.UserId || a.Id == gone.UserId);
    }

    [Fact]
    public async Task Only_editors_may_list_assignees()
    {
        var review = await ReviewDriver.CreateAsync(App);

        await Assert.ThrowsAsync<ForbiddenException>(() => App.QueryAsync(new ListAssignees(), review.Checker));
    }
}
