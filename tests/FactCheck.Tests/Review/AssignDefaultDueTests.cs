using FactCheck.Web.Features.Review;

namespace FactCheck.Tests.Review;

/// An editor who gives no due date gets the desk's deadline for the claim's priority (FactCheck:Sla).
public sealed class AssignDefaultDueTests : IDisposable
{
    private readonly TestApp app = new TestApp(settings: new Dictionary<string, string?> { ["FactCheck:Sla:High"] = "00:10:00" }).Start();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Assigning_without_a_due_date_sets_the_sla_deadline_for_the_priority()
    {
        var review = await ReviewDriver.CreateAsync(app);
        var id = await review.NewClaimAsync();
        await review.TriageAsync(id);

        await review.ActAsync(new AssignClaim { ClaimId = id, Version = await review.VersionAsync(id), AssigneeId = review.Checker.UserId!.Value }, review.Editor);

        var due = await app.ScalarAsync<DateTimeOffset>("SELECT due_at FROM claims WHERE id = @id", new { id });
        Assert.Equal(app.Clock.GetUtcNow().AddMinutes(10), due);
        Assert.Equal(due, await app.ScalarAsync<DateTimeOffset>("SELECT due_at FROM ladders WHERE claim_id = @id AND ended_at IS NULL", new { id }));
    }
}
