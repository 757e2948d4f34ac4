using Dapper;
using FactCheck.Web.Features.Review;

namespace FactCheck.Tests.Review;

/// Each successful action's single audit row (status and version before and after) is checked for every allowed
/// state and action in ReviewPipelineMatrixTests; here, that the row and the change commit or fail together.
[Collection(SharedAppCollection.Name)]
public sealed class ReviewAuditTests(SharedApp shared)
{
    private TestApp App => shared.App;

    [Fact]
    public async Task A_workflow_change_whose_audit_row_cannot_be_written_is_not_saved_either()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.ClaimInStateAsync("in_review");
        var before = await review.SnapshotAsync(id);
        await using (var connection = await App.Db.OpenAsync())
        {
            await connection.ExecuteAsync(App.Db.IsPostgres
                ? $"""
                  CREATE FUNCTION test_refuse_audit_{id}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit log unavailable'; END; $$;
                  CREATE TRIGGER test_refuse_audit_{id} BEFORE INSERT ON audit_log
                  FOR EACH ROW WHEN (NEW.entity = 'claim' AND NEW.entity_id = '{id}') EXECUTE FUNCTION test_refuse_audit_{id}();
                  """
                : $"""
                  CREATE TRIGGER test_refuse_audit_{id} BEFORE INSERT ON audit_log
                  WHEN NEW.entity = 'claim' AND NEW.entity_id = '{id}'
                  BEGIN SELECT RAISE(ABORT, 'audit log unavailable'); END
                  """);
        }

        try
        {
            var failed = await Record.ExceptionAsync(() => review.ApproveAsync(id));

            Assert.Contains("audit log unavailable", failed?.Message, StringComparison.Ordinal);
            Assert.Equal(before, await review.SnapshotAsync(id));
        }
        finally
        {
            await using var connection = await App.Db.OpenAsync();
            await connection.ExecuteAsync(App.Db.IsPostgres ? $"DROP TRIGGER test_refuse_audit_{id} ON audit_log" : $"DROP TRIGGER test_refuse_audit_{id}");
        }

        Assert.Equal("published", (await review.ApproveAsync(id)).Status);
    }

    [Fact]
    public async Task Every_step_from_new_to_a_corrected_verdict_leaves_one_audit_row_with_the_versions()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var id = await review.NewClaimAsync();
        var start = await review.LastAuditIdAsync();

        await review.TriageAsync(id);
        await review.AssignAsync(id);
        await review.StartAsync(id);
        await review.AddEvidenceAsync(id);
        await review.SubmitAsync(id);
        await review.ApproveAsync(id);
        await review.CorrectAsync(id);
        await review.SubmitAsync(id, "mostly-false", changeNote: "Rating softened.");
        await review.ApproveAsync(id);

        var rows = await review.AuditAfterAsync(id, start);
        Assert.Equal(
            ["TriageClaim", "AssignClaim", "StartResearch", "AddEvidence", "SubmitVerdict", "ApproveVerdict", "CorrectVerdict", "SubmitVerdict", "ApproveVerdict"],
            rows.Select(r => r.Action));
        var versions = rows.Where(r => r.Action != nameof(AddEvidence)).Select(r => (Before: Version(r.BeforeJson), After: Version(r.AfterJson))).ToList();
        Assert.Equal(Enumerable.Range(1, 8).Select(v => ((long)v, (long)v + 1)), versions);
        Assert.Equal(9, await review.VersionAsync(id));
    }

    private static long Version(string? json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json!);
        return document.RootElement.GetProperty("version").GetInt64();
    }
}
