using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace FactCheck.Tests.Intake;

/// POST /api/articles/extract and /accept as an integration calls them, with a bearer token.
[Collection(IntakeAppCollection.Name)]
public sealed class ArticleIntakeApiTests(IntakeApp fixture)
{
    private TestApp App => fixture.App;

    private static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.GetProperty("errors");
    }

    private static async Task<string> ErrorAsync(HttpResponseMessage response, string field)
    {
        var errors = await ErrorsAsync(response);
        Assert.True(errors.TryGetProperty(field, out var messages), $"no error for {field}: {errors}");
        return messages[0].GetString()!;
    }

    private async Task<long[]> CountRowsAsync() =>
    [
        await App.ScalarAsync<long>("SELECT count(*) FROM claims"),
        await App.ScalarAsync<long>("SELECT count(*) FROM articles"),
        await App.ScalarAsync<long>("SELECT count(*) FROM appearances"),
        await App.ScalarAsync<long>("SELECT count(*) FROM claim_links"),
        await App.ScalarAsync<long>("SELECT count(*) FROM audit_log"),
    ];

    private static JsonElement Candidate(JsonElement extraction, string sentence) =>
        extraction.GetProperty("candidates").EnumerateArray().Single(c => c.GetProperty("text").GetString()!.Contains(sentence, StringComparison.Ordinal));

    [Fact]
    public async Task Extracting_the_seed_article_proposes_its_claims_with_claimants_dates_figures_and_the_denial_link()
    {
        var client = await App.ApiClientAsync("checker");
        var before = await CountRowsAsync();

        var response = await client.PostAsJsonAsync("/api/articles/extract", new { text = SeedArticle.Text, language = (string?)null, url = SeedArticle.Url, publishedAt = "2020-10-24" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var extraction = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("id", true), (extraction.GetProperty("language").GetString(), extraction.GetProperty("languageDetected").GetBoolean()));
        Assert.Equal(SeedArticle.Text, extraction.GetProperty("text").GetString());

        var putin = Candidate(extraction, "menewaskan 5.000 orang");
        Assert.Equal("figure", putin.GetProperty("kind").GetString());
        Assert.Equal(5000, putin.GetProperty("figure").GetProperty("value").GetDouble());
        Assert.Equal("people", putin.GetProperty("figure").GetProperty("unit").GetString());
        Assert.Equal("Vladimir Putin", putin.GetProperty("claimant").GetProperty("name").GetString());
        Assert.True(putin.GetProperty("claimant").GetProperty("claimantId").GetInt64() > 0, "Putin is a recorded claimant");
        Assert.NotEmpty(putin.GetProperty("score").GetProperty("reasons").EnumerateArray());
        var recorded = await App.ScalarAsync<long>("SELECT id FROM claims WHERE title = 'The Nagorno-Karabakh fighting has killed 5,000 people'");
        Assert.Contains(putin.GetProperty("matches").EnumerateArray(), m => m.GetProperty("claimId").GetInt64() == recorded);

        var accusation = Candidate(extraction, "menuduh pasukan Azerbaijan");
        var denial = Candidate(extraction, "dibantah pemerintah Baku");
        Assert.True(denial.GetProperty("counterClaim").GetBoolean());
        Assert.Contains(extraction.GetProperty("links").EnumerateArray(), l =>
            l.GetProperty("from").GetInt32() == denial.GetProperty("number").GetInt32()
            && l.GetProperty("to").GetInt32() == accusation.GetProperty("number").GetInt32()
            && l.GetProperty("relation").GetString() == "denies");
        var stepanakert = await App.ScalarAsync<long>("SELECT id FROM claims WHERE title = 'Azerbaijani forces attacked buildings in Stepanakert'");
        Assert.Contains(accusation.GetProperty("matches").EnumerateArray(), m => m.GetProperty("claimId").GetInt64() == stepanakert && m.GetProperty("likelySame").GetBoolean());

        // The denial is never offered as an appearance of the accusation it denies.
        Assert.DoesNotContain(denial.GetProperty("matches").EnumerateArray(), m => m.GetProperty("claimId").GetInt64() == stepanakert);
        Assert.Equal(JsonValueKind.Null, denial.GetProperty("noLinkReason").ValueKind);
        Assert.Equal(JsonValueKind.Null, extraction.GetProperty("notice").ValueKind);

        var rouhani = Candidate(extraction, "Rouhani pada hari Rabu (7/10/2020)");
        Assert.Equal("2020-10-07", rouhani.GetProperty("date").GetProperty("value").GetString());
        var start = rouhani.GetProperty("start").GetInt32();
        Assert.Contains("Rouhani pada hari Rabu", SeedArticle.Text.Substring(start, rouhani.GetProperty("length").GetInt32()), StringComparison.Ordinal);

        Assert.Equal(before, await CountRowsAsync());
    }

    [Fact]
    public async Task A_denial_repeating_a_recorded_accusation_s_words_is_never_offered_as_an_appearance_of_it()
    {
        var client = await App.ApiClientAsync("checker");
        var stepanakert = await App.ScalarAsync<long>("SELECT id FROM claims WHERE title = 'Azerbaijani forces attacked buildings in Stepanakert'");
        const string text = "Pejabat lokal menuduh pasukan Azerbaijan menyerang gedung-gedung di Stepanakert. "
            + "Pemerintah Azerbaijan membantah tuduhan bahwa pasukan Azerbaijan menyerang gedung-gedung di Stepanakert, kota terbesar di wilayah itu.";

        var extraction = await (await client.PostAsJsonAsync("/api/articles/extract", new { text, language = "id", publishedAt = "2020-10-24" })).Content.ReadFromJsonAsync<JsonElement>();

        var accusation = Candidate(extraction, "Pejabat lokal menuduh");
        var denial = Candidate(extraction, "membantah tuduhan");
        Assert.Contains(extraction.GetProperty("links").EnumerateArray(), l => l.GetProperty("from").GetInt32() == denial.GetProperty("number").GetInt32()
            && l.GetProperty("to").GetInt32() == accusation.GetProperty("number").GetInt32());
        Assert.Contains(accusation.GetProperty("matches").EnumerateArray(), m => m.GetProperty("claimId").GetInt64() == stepanakert);
        Assert.DoesNotContain(denial.GetProperty("matches").EnumerateArray(), m => m.GetProperty("claimId").GetInt64() == stepanakert);
    }

    [Fact]
    public async Task Text_in_a_third_language_gets_no_candidates_and_a_notice_saying_why()
    {
        var client = await App.ApiClientAsync("checker");

        var response = await client.PostAsJsonAsync("/api/articles/extract", new { text = "Der Innenminister sagte am Montag, dass fünftausend Menschen aus der Region evakuiert worden seien, wie die Behörde mitteilte." });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var extraction = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Empty(extraction.GetProperty("candidates").EnumerateArray());
        Assert.Equal("language", extraction.GetProperty("notice").GetProperty("code").GetString());
        Assert.Contains("Indonesian or English", extraction.GetProperty("notice").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_article_taken_in_before_is_pointed_out()
    {
        var client = await App.ApiClientAsync("editor");
        var text = SeedArticle.Text + $"\n\nCatatan redaksi {Guid.NewGuid():N}.";
        var accepted = await client.PostAsJsonAsync("/api/articles/accept", new
        {
            article = new { text, language = "id" },
            claims = new[] { new { @ref = 1, title = "Baku denies it", text = SeedArticle.Denial, kind = "statement", claimantName = "Pemerintah Baku", claimantKind = "government" } },
        });
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        var articleId = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("articleId").GetInt64();

        var extraction = await (await client.PostAsJsonAsync("/api/articles/extract", new { text = text.Replace("\n", "\r\n", StringComparison.Ordinal), language = "id" }))
            .Content.ReadFromJsonAsync<JsonElement>();

        var previous = extraction.GetProperty("previousIntake");
        Assert.Equal(articleId, previous.GetProperty("articleId").GetInt64());
        Assert.Equal("Eka Editor", previous.GetProperty("by").GetString());
    }

    [Fact]
    public async Task An_empty_article_gets_a_400_naming_text()
    {
        var client = await App.ApiClientAsync("checker");

        Assert.Equal("Paste the article's text.", await ErrorAsync(await client.PostAsJsonAsync("/api/articles/extract", new { text = "" }), "text"));
        Assert.Equal("Paste the article's text.", await ErrorAsync(await client.PostAsJsonAsync("/api/articles/extract", new { language = "id" }), "text"));
    }

    [Fact]
    public async Task A_1_MB_article_gets_a_400_naming_text_and_asking_for_parts()
    {
        var client = await App.ApiClientAsync("checker");
        var text = string.Concat(Enumerable.Repeat(SeedArticle.Text + "\n", (1024 * 1024 / SeedArticle.Text.Length) + 1));

        var message = await ErrorAsync(await client.PostAsJsonAsync("/api/articles/extract", new { text, language = "id" }), "text");

        Assert.StartsWith($"The article is {text.Length:N0} characters long; FactCheck reads at most 100,000.", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Binary_junk_gets_a_400_saying_it_is_not_text()
    {
        var client = await App.ApiClientAsync("checker");
        var bytes = new byte[8192];
        new Random(12).NextBytes(bytes);

        var nul = await ErrorAsync(await client.PostAsJsonAsync("/api/articles/extract", new { text = "PK\u0003\u0004\0\0\0\0" + SeedArticle.Text }), "text");
        var random = await ErrorAsync(await client.PostAsJsonAsync("/api/articles/extract", new { text = Encoding.UTF8.GetString(bytes) }), "text");
        // Bytes that are not UTF-8 at all, posted as the body: the JSON cannot be read.
        var raw = await client.PostAsync("/api/articles/extract", new ByteArrayContent([.. "{\"text\": \""u8, .. bytes.Where(b => b is not (0x22 or 0x5c)), .. "\"}"u8])
        {
            Headers = { ContentType = new("application/json") },
        });

        Assert.Equal("This does not look like text (it contains binary data). Paste the article's text, not a file.", nul);
        Assert.Equal(nul, random);
        Assert.Equal(HttpStatusCode.BadRequest, raw.StatusCode);
        Assert.Equal("application/problem+json", raw.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Bad_fields_get_a_400_each_naming_the_field()
    {
        var client = await App.ApiClientAsync("checker");

        var errors = await ErrorsAsync(await client.PostAsJsonAsync("/api/articles/extract", new
        {
            text = SeedArticle.Text, language = "klingon", url = "javascript:alert(document.cookie)", publishedAt = "24 Oktober 2020",
        }));

        Assert.Equal(["language", "publishedAt", "url"], errors.EnumerateObject().Select(p => p.Name).Order());
        Assert.Contains("YYYY-MM-DD", errors.GetProperty("publishedAt")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"text\": \"Presiden berkata")]
    [InlineData("not json at all")]
    [InlineData("[1, 2, 3]")]
    [InlineData("{\"text\": 12}")]
    [InlineData("{\"text\": \"abc\", \"publishedAt\": {\"day\": 1}}")]
    [InlineData("")]
    public async Task Unreadable_json_gets_a_400_problem_not_a_500(string body)
    {
        var client = await App.ApiClientAsync("checker");

        foreach (var path in new[] { "/api/articles/extract", "/api/articles/accept" })
        {
            var response = await client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Accept_answers_201_with_each_claim_and_link()
    {
        var client = await App.ApiClientAsync("editor");
        var stepanakert = await App.ScalarAsync<long>("SELECT id FROM claims WHERE title = 'Azerbaijani forces attacked buildings in Stepanakert'");
        var url = $"{SeedArticle.Url}?api={Guid.NewGuid():N}";

        var response = await client.PostAsJsonAsync("/api/articles/accept", new
        {
            article = new { text = SeedArticle.Text.Replace("\n", "\r\n", StringComparison.Ordinal), language = "id-ID", url, outlet = "Contoh Berita", publishedAt = "2020-10-24T08:00:00+07:00" },
            claims = new object[]
            {
                new { @ref = 4, existingClaimId = stepanakert, start = SeedArticle.Text.IndexOf(SeedArticle.Accusation, StringComparison.Ordinal), length = SeedArticle.Accusation.Length },
                new
                {
                    @ref = 5, title = "Baku denies the accusation", text = SeedArticle.Denial, kind = "statement",
                    claimantName = "Pemerintah Baku", claimantKind = "government", saidOn = "2020-10-24", topics = new[] { "nagorno-karabakh" },
                },
            },
            links = new[] { new { from = 5, to = 4, relation = "disputes" } },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var claims = body.GetProperty("claims").EnumerateArray().ToList();
        Assert.Equal((4, stepanakert, false), (claims[0].GetProperty("ref").GetInt32(), claims[0].GetProperty("claimId").GetInt64(), claims[0].GetProperty("created").GetBoolean()));
        Assert.True(claims[1].GetProperty("created").GetBoolean());
        Assert.StartsWith("baku-denies-the-accusation-", claims[1].GetProperty("slug").GetString(), StringComparison.Ordinal);
        var link = Assert.Single(body.GetProperty("links").EnumerateArray());
        Assert.Equal(("disputes", false), (link.GetProperty("relation").GetString(), link.GetProperty("alreadyLinked").GetBoolean()));
        Assert.True(link.GetProperty("linkId").GetInt64() > 0);
        var articleId = body.GetProperty("articleId").GetInt64();
        Assert.Equal(("id", SeedArticle.Text), (await App.RowsAsync<(string, string)>("SELECT language, text FROM articles WHERE id = @articleId", new { articleId })).Single());

        var claim = await client.GetFromJsonAsync<JsonElement>($"/api/claims/{stepanakert}");
        Assert.Contains(claim.GetProperty("appearances").EnumerateArray(), a => a.GetProperty("url").GetString() == url);
    }

    [Fact]
    public async Task A_refused_accept_gets_a_400_naming_the_claim_field_and_writes_nothing()
    {
        var client = await App.ApiClientAsync("checker");
        var before = await CountRowsAsync();

        var errors = await ErrorsAsync(await client.PostAsJsonAsync("/api/articles/accept", new
        {
            article = new { text = SeedArticle.Text, language = "id", url = "ftp://example.org/a" },
            claims = new object[]
            {
                new { @ref = 1, title = "Baku denies the accusation", text = SeedArticle.Denial, kind = "statement", claimantName = "Pemerintah Baku", claimantKind = "government" },
                new { @ref = 2, title = "", text = SeedArticle.Putin, kind = "guess", claimantName = "Vladimir Putin", claimantKind = "person" },
            },
        }));

        Assert.Equal(["article.url", "claims[1].kind", "claims[1].title"], errors.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(before, await CountRowsAsync());
        Assert.Equal("Choose at least one claim to accept.", await ErrorAsync(
            await client.PostAsJsonAsync("/api/articles/accept", new { article = new { text = SeedArticle.Text, language = "id" }, claims = Array.Empty<object>() }), "claims"));
    }

    [Fact]
    public async Task The_api_needs_a_token()
    {
        var anonymous = App.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/articles/extract", new { text = SeedArticle.Text })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/articles/accept", new { })).StatusCode);
    }
}
