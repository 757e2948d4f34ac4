using System.Net;
using AngleSharp.Html.Parser;
using FactCheck.Tests.Tips;
using Xunit.Abstractions;

namespace FactCheck.Tests.Reliability;

/// The hostile corpus through the forms served as plain HTML (the staff forms are interactive and send the same
/// commands as the API: HostileApiInputTests and HostileCommandInputTests): the public tip form, the sign-in form
/// and the home page's search, posted the way a browser posts them. Never a 500; a refusal is the form again with a
/// message beside the field and nothing written; what is accepted is stored exactly.
public sealed class HostileFormInputTests(ITestOutputHelper output) : IDisposable
{
    private static readonly string[] TipFields = ["Text", "Url", "WhereSeen", "Language", "Contact"];

    private readonly TestApp app = new TestApp().Start();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task The_tip_form_refuses_hostile_text_beside_its_field_or_stores_it_exactly()
    {
        var wrong = new List<string>();
        var (stored, refused) = (0, 0);
        foreach (var field in TipFields)
        {
            foreach (var (name, typed) in HostileCorpus.Strings)
            {
                var value = HostileCorpus.AsSentOverHttp(typed);
                var marker = "Tip " + Guid.NewGuid().ToString("N");
                var fields = new Dictionary<string, string> { ["Input.Text"] = marker, ["Input.Url"] = "https://example.org/" + marker[4..] };
                fields["Input." + field] = value;
                var before = await app.ScalarAsync<long>("SELECT count(*) FROM tips");
                var response = await TipForm.PostAsync(app.Browser(), fields);
                var where = $"tip {field} = {name}";
                switch ((int)response.StatusCode)
                {
                    case 302:
                        stored++;
                        var column = field == "WhereSeen" ? "where_seen" : field.ToLowerInvariant();
                        var key = field == "Text" ? value.Trim() : marker;
                        var row = await app.RowsAsync<string?>($"SELECT {column} FROM tips WHERE text = @key ORDER BY id DESC LIMIT 1", new { key });
                        if (row.Count != 1 || (row[0] ?? "") != (string.IsNullOrWhiteSpace(value) ? "" : value.Trim()))
                        {
                            wrong.Add($"{where}: accepted, but stored {(row.Count == 1 ? $"'{Shorten(row[0])}'" : $"{row.Count} rows")}");
                        }

                        break;
                    case 400:
                        refused++;
                        var html = await response.Content.ReadAsStringAsync();
                        var document = new HtmlParser().ParseDocument(html);
                        var input = document.QuerySelector($"[name='Input.{field}']");
                        var message = input?.ParentElement?.QuerySelector(".validation-message")?.TextContent;
                        // A field the framework cannot even read (a NUL) refuses the whole form, with a page that says so.
                        if ((input?.GetAttribute("aria-invalid") != "true" || string.IsNullOrWhiteSpace(message)) && !FormRefused(document))
                        {
                            wrong.Add($"{where}: 400 without a message beside the field");
                        }

                        if (await app.ScalarAsync<long>("SELECT count(*) FROM tips") != before)
                        {
                            wrong.Add($"{where}: refused but stored a tip");
                        }

                        break;
                    default:
                        wrong.Add($"{where}: {(int)response.StatusCode}");
                        break;
                }
            }
        }

        output.WriteLine($"tip form: {TipFields.Length} fields × {HostileCorpus.Strings.Count} values: {stored} stored exactly, {refused} refused beside the field");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.True(refused > 10 && stored > 10);
    }

    [Fact]
    public async Task The_sign_in_form_answers_hostile_credentials_with_its_message_and_signs_nobody_in()
    {
        var wrong = new List<string>();
        foreach (var field in new[] { "Username", "Password" })
        {
            foreach (var (name, typed) in HostileCorpus.Strings)
            {
                var value = HostileCorpus.AsSentOverHttp(typed);
                var browser = app.Browser();
                var response = await app.SignInAsync(browser, field == "Username" ? value : "checker", field == "Password" ? value : "wrong " + value);
                var where = $"sign-in {field} = {name}";
                var html = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.BadRequest)
                {
                    wrong.Add($"{where}: {(int)response.StatusCode}");
                    continue;
                }

                var document = new HtmlParser().ParseDocument(html);
                if (string.IsNullOrWhiteSpace(document.QuerySelector("[data-testid=login-error], .validation-message")?.TextContent) && !FormRefused(document))
                {
                    wrong.Add($"{where}: no message");
                }

                if ((await browser.GetAsync("/queue")).StatusCode != HttpStatusCode.Redirect)
                {
                    wrong.Add($"{where}: signed in");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task The_home_search_echoes_hostile_text_as_text_and_never_fails()
    {
        var wrong = new List<string>();
        foreach (var (name, typed) in HostileCorpus.Strings.Where(s => s.Value.Length < 10_000))
        {
            var value = HostileCorpus.AsSentOverHttp(typed);
            var response = await app.CreateClient().GetAsync("/?q=" + Uri.EscapeDataString(value));
            var html = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                wrong.Add($"search {name}: {(int)response.StatusCode}");
                continue;
            }

            var document = new HtmlParser().ParseDocument(html);
            if (document.QuerySelectorAll("main script, main img, main svg, main iframe").Length > 0
                || document.All.SelectMany(e => e.Attributes).Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || a.Name == "autofocus"))
            {
                wrong.Add($"search {name}: markup from the query reached the page");
            }

            var echoed = document.QuerySelector("input[name=q]")?.GetAttribute("value") ?? "";
            var expected = new string(value.Where(c => c is not ('\uFFFE' or '\uFFFF')).ToArray()).Trim(); // noncharacters are left out
            if (!string.IsNullOrWhiteSpace(expected) && !expected.StartsWith(echoed, StringComparison.Ordinal) && !Printable(expected).StartsWith(Printable(echoed), StringComparison.Ordinal))
            {
                wrong.Add($"search {name}: echoed '{Shorten(echoed)}'");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    private static bool FormRefused(AngleSharp.Dom.IDocument document) =>
        document.QuerySelector("[data-testid=form-refused]")?.TextContent.Contains("Nothing was saved.", StringComparison.Ordinal) == true;

    // What survives an HTML attribute: the parser drops or replaces NUL and turns CR LF into LF.
    private static string Printable(string text) => new(text.Replace("\r\n", "\n", StringComparison.Ordinal).Where(c => c is not ('\0' or '\uFFFD')).ToArray());

    private static string Shorten(string? text) => text is { Length: > 60 } ? text[..60] + "…" : text ?? "(null)";
}
