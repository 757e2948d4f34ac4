using System.Text.Json;
using System.Xml.Linq;
using FactCheck.Tests.Reliability;
using FactCheck.Web.Features.Claims;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Infrastructure.Pipeline;
using static FactCheck.Tests.Feeds.FeedKit;

namespace FactCheck.Tests.Verdicts;

/// Every value of the shared hostile corpus that the app stores, published as a claim's title, text, claimant, place,
/// translation, verdict summary and explanation: the verdict page (both languages) stays one well-formed document
/// with no markup, script, event handler or non-web link of the claim's own, its ClaimReview JSON-LD parses and
/// carries the title exactly, and the Atom feed, the ClaimReview API and the CSV export stay well-formed too.
public sealed class HostileCorpusRenderingTests(VerdictsApp fixture) : IClassFixture<VerdictsApp>
{
    public static TheoryData<string> Storable() =>
        [.. HostileCorpus.Strings.Where(s => !HostileCorpus.IsUnstorable(s.Value) && s.Value.Length < 10_000 && !string.IsNullOrWhiteSpace(s.Value)).Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(Storable))]
    public async Task A_published_claim_made_of_hostile_text_renders_inert_everywhere_a_reader_sees_it(string name)
    {
        var value = HostileCorpus.Strings.Single(s => s.Name == name).Value;
        var (claim, title) = await PublishAsync(value);
        var slug = await fixture.Workflow.SlugAsync(claim);

        foreach (var language in new[] { "en", "id" })
        {
            var page = await PublicPage.GetAsync(fixture.App, PublicPage.Url(slug, language));
            Assert.Equal(System.Net.HttpStatusCode.OK, page.Status);

            // Only the page's own scripts: the JSON-LD block and files of the site.
            Assert.All(page.Document.Scripts, s => Assert.True(
                s.GetAttribute("type") == "application/ld+json" || (s.Source is { } src && src.StartsWith('/') && !src.StartsWith("//", StringComparison.Ordinal)) || s.Source?.StartsWith("_framework", StringComparison.Ordinal) == true,
                $"unexpected script: {s.OuterHtml}"));
            Assert.Single(page.JsonLdScripts);
            Assert.Empty(page.Document.QuerySelectorAll("main img, main svg, main iframe, main object, main embed, main form, main input, main h1 *"));
            Assert.DoesNotContain(page.Document.All.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || a.Name == "autofocus");
            Assert.All(page.Document.QuerySelectorAll("[href], [src], [action]").Select(e => e.GetAttribute("href") ?? e.GetAttribute("src") ?? e.GetAttribute("action")!),
                href => Assert.DoesNotMatch("^\\s*(javascript|data|vbscript):", href.ToLowerInvariant()));

            // The heading shows the title as text. (A browser's parser turns CR LF into LF, and drops or replaces
            // other control characters, whichever way they are written.)
            Assert.Equal(Visible(title.Replace("\r\n", "\n", StringComparison.Ordinal)).Trim(), Visible(page.H1).Trim());

            // The markup carries the title exactly, control characters and all (JSON escapes them); where the page
            // shows the title unchanged, the markup passes the full schema.org and page-agreement checks too.
            var review = Visible(title) == title ? ClaimReviewValidator.Validate(page, language) : JsonLd(page.Html);
            Assert.Equal(title.Trim(), (string)review["claimReviewed"]!); // stored trimmed, like every title
            Assert.Equal(page.Document.Scripts.Length, CountOrdinalIgnoreCase(page.Html, "</script"));
        }

        var client = fixture.App.CreateClient();
        var atom = XDocument.Parse(await client.GetStringAsync(Atom));
        Assert.Contains(Entries(atom), e => e.Element(AtomNs + "id")!.Value.EndsWith("/verdicts/" + slug, StringComparison.Ordinal));

        using var reviews = JsonDocument.Parse(await client.GetStringAsync(ClaimReviews + "?limit=100"));
        Assert.Contains(reviews.RootElement.GetProperty("items").EnumerateArray(), i => i.GetProperty("claimReviewed").GetString() == title.Trim());

        var csv = await client.GetByteArrayAsync(Csv);
        using var reader = CsvHelper.CsvReader.Create(csv);
        var found = false;
        while (reader.Read())
        {
            found |= reader.GetString("claim_text")?.Contains(value, StringComparison.Ordinal) == true;
        }

        Assert.True(found, "the CSV keeps the claim text as it was typed");
    }

    private static string Visible(string text) => new(text.Where(c => c == '\n' || !(char.IsControl(c) || c is '\uFFFD' or '\u2028' or '\u2029')).ToArray());

    private static int CountOrdinalIgnoreCase(string text, string what)
    {
        var count = 0;
        for (var at = text.IndexOf(what, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(what, at + what.Length, StringComparison.OrdinalIgnoreCase))
        {
            count++;
        }

        return count;
    }

    /// Publishes a claim with the value in every reader-facing field that takes it. A field whose rules refuse the
    /// value (a title may not hold line breaks, say) gets plain text instead, and the refusal must name that field.
    private async Task<(long Claim, string Title)> PublishAsync(string value)
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var refused = new HashSet<string>(StringComparer.Ordinal);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var title = refused.Contains(nameof(SubmitClaim.Title)) ? "Klaim " + marker : value + " " + marker;
                var submitted = await fixture.Workflow.SubmitAsync(c =>
                {
                    c.Title = title;
                    c.Text = value + " " + marker;
                    c.TranslationEn = refused.Contains(nameof(SubmitClaim.TranslationEn)) ? null : value;
                    c.ClaimantName = refused.Contains(nameof(SubmitClaim.ClaimantName)) ? "Kementerian " + marker : value + " " + marker;
                    c.Place = refused.Contains(nameof(SubmitClaim.Place)) ? null : value;
                });
                await fixture.Workflow.PublishAsync(submitted.Id, new SubmitVerdict { Rating = "false", Summary = value, Explanation = value });
                Assert.True(refused.Count <= 2, "refused in: " + string.Join(", ", refused));
                return (submitted.Id, title);
            }
            catch (ValidationFailedException ex) when (attempt < 3 && ex.Errors.Keys.All(k => k is nameof(SubmitClaim.Title) or nameof(SubmitClaim.TranslationEn) or nameof(SubmitClaim.ClaimantName) or nameof(SubmitClaim.Place)))
            {
                refused.UnionWith(ex.Errors.Keys);
            }
        }
    }
}
