using FactCheck.Tests.Review;
using FactCheck.Web.Features.Claims;
using FactCheck.Web.Features.Review;

namespace FactCheck.Tests.Verdicts;

/// Claims of the verdict page tests, taken through the real workflow by the demo staff (ReviewDriver).
public sealed class VerdictWorkflow(TestApp app, ReviewDriver review)
{
    public ReviewDriver Review => review;

    public static async Task<VerdictWorkflow> CreateAsync(TestApp app) => new(app, await ReviewDriver.CreateAsync(app));

    /// Submits a claim in Indonesian with an English translation; edit changes any field.
    public async Task<SubmittedClaim> SubmitAsync(Action<SubmitClaim>? edit = null)
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var claim = new SubmitClaim
        {
            Title = "Shells hit the market in Tartar " + marker,
            Text = "Peluru artileri menghantam pasar di Tartar " + marker,
            Language = "id",
            TranslationEn = "Artillery shells hit the market in Tartar " + marker,
            ClaimantName = "Kementerian Pertahanan " + marker,
            ClaimantKind = "military",
            SaidOn = new DateOnly(2020, 10, 20),
            Kind = "event",
        };
        edit?.Invoke(claim);
        return await app.SendAsync(claim, review.Checker);
    }

    /// Takes a submitted claim to triaged, assigned, researching or in_review.
    public async Task MoveToAsync(long id, string state)
    {
        await review.TriageAsync(id);
        if (state == "triaged")
        {
            return;
        }

        await review.AssignAsync(id);
        if (state == "assigned")
        {
            return;
        }

        await review.StartAsync(id);
        if (state == "researching")
        {
            return;
        }

        await review.AddEvidenceAsync(id);
        await review.SubmitAsync(id);
        Assert.Equal("in_review", await review.StatusAsync(id));
    }

    /// Researches and publishes the claim with the given verdict (a default "false" verdict when none is given).
    public async Task PublishAsync(long id, SubmitVerdict? verdict = null)
    {
        await MoveToAsync(id, "researching");
        await review.AddEvidenceAsync(id);
        await SubmitAndApproveAsync(id, verdict ?? new SubmitVerdict
        {
            Rating = "false", Summary = "No shells hit the market that day.", Explanation = "Market traders and **satellite images** show no damage.",
        });
    }

    public async Task<SubmittedClaim> SubmitAndPublishAsync(Action<SubmitClaim>? edit = null, SubmitVerdict? verdict = null)
    {
        var claim = await SubmitAsync(edit);
        await PublishAsync(claim.Id, verdict);
        return claim;
    }

    /// Opens a correction, resubmits with the new rating and approves it.
    public async Task CorrectAsync(long id, string rating, string reason, string whatChanged)
    {
        await review.CorrectAsync(id, reason: reason);
        await SubmitAndApproveAsync(id, new SubmitVerdict
        {
            Rating = rating, Summary = "Corrected: " + whatChanged, Explanation = "New records: " + whatChanged, ChangeNote = whatChanged,
        });
    }

    public async Task SubmitAndApproveAsync(long id, SubmitVerdict verdict)
    {
        await review.ActAsync(verdict with { ClaimId = id, Version = await review.VersionAsync(id) }, review.Checker);
        await review.ApproveAsync(id);
        Assert.Equal("published", await review.StatusAsync(id));
    }

    public Task<string> SlugAsync(long id) => app.ScalarAsync<string>("SELECT slug FROM claims WHERE id = @id", new { id });
}

/// An app of one test class's own: its tests add and change their own claims only, never the demo case.
public sealed class VerdictsApp : IAsyncLifetime, IDisposable
{
    public TestApp App { get; } = new TestApp().Start();

    public VerdictWorkflow Workflow { get; private set; } = null!;

    public async Task InitializeAsync() => Workflow = await VerdictWorkflow.CreateAsync(App);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => App.Dispose();
}
