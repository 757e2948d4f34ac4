using CsvHelper;
using FactCheck.Tests.Review;
using static FactCheck.Tests.Feeds.FeedKit;

namespace FactCheck.Tests.Feeds;

public sealed class CsvExportTests
{
    private const string Formula = "=SUM(A1:A9) shells fell on Goris";
    private const string IndonesianText = "Pejabat: “Desa-desa di Füzuli dihantam roket” — 12 warga mengungsi ke Bərdə.";

    [Fact]
    public async Task Csv_export_reads_back_with_Indonesian_text_intact_and_formula_cells_escaped()
    {
        using var app = new TestApp().Start();
        var review = await ReviewDriver.CreateAsync(app);
        var id = await PublishAsync(app, review, Formula, text: IndonesianText, rating: "misleading", summary: "-5 is not a count of anything.");
        var slug = await SlugAsync(app, id);

        var response = await app.CreateClient().GetAsync(Csv);

        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("factcheck-verdicts.csv", response.Content.Headers.ContentDisposition.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);

        var rows = new List<Dictionary<string, string>>();
        using (var reader = CsvReader.Create(bytes))
        {
            while (reader.Read())
            {
                rows.Add(reader.Headers.ToArray().Select((name, i) => (name, value: reader.GetString(i))).ToDictionary(f => f.name, f => f.value));
            }

            Assert.Equal(Web.Features.Feeds.VerdictCsv.Columns, reader.Headers.ToArray());
        }

        Assert.Equal(4, rows.Count);
        var mine = rows.Single(r => r["url"] == $"https://localhost/verdicts/{slug}");
        Assert.Equal("'" + Formula, mine["claim_title"]);
        Assert.Equal("'-5 is not a count of anything.", mine["summary_id"]);
        Assert.Equal(IndonesianText, mine["claim_text"]);
        Assert.Equal(("misleading", "Misleading", "Menyesatkan", "2"), (mine["rating"], mine["rating_label_en"], mine["rating_label_id"], mine["rating_value"]));
        Assert.Equal(("Feed Test Ministry", "government", "id"), (mine["claimant"], mine["claimant_kind"], mine["claim_language"]));
        Assert.Equal(("1", "0", "borders;feeds"), (mine["version"], mine["corrections"], mine["topics"]));

        var putin = rows.Single(r => r["url"].EndsWith("/verdicts/the-nagorno-karabakh-fighting-has-killed-5-000-people-3", StringComparison.Ordinal));
        Assert.Equal("Presiden Rusia Vladimir Putin menduga konflik itu telah menewaskan 5.000 orang.", putin["claim_text"]);
        Assert.Equal(("mostly-true", "Sebagian besar benar", "4", "2", "1"), (putin["rating"], putin["rating_label_id"], putin["rating_value"], putin["version"], putin["corrections"]));
        Assert.Equal(("Vladimir Putin", "person", "2020-10-24"), (putin["claimant"], putin["claimant_kind"], putin["said_on"]));
        Assert.Equal("casualties;nagorno-karabakh", putin["topics"]);
        Assert.Equal("", putin["attribution"]);
    }
}
