using FactCheck.Web.Features.Intake;

namespace FactCheck.Tests.Intake;

/// The article's fields, checked in one place for finding claims and for accepting them.
public sealed class ArticleRulesTests
{
    private static Dictionary<string, string> Errors(ExtractArticle article) =>
        ArticleRules.Validate(article).ToDictionary(r => r.MemberNames.Single(), r => r.ErrorMessage!);

    [Fact]
    public void An_empty_article_is_asked_for()
    {
        Assert.Equal(ArticleRules.EmptyText, Errors(new ExtractArticle { Text = " \r\n\t " })["Text"]);
        Assert.Equal(ArticleRules.EmptyText, Errors(new ExtractArticle())["Text"]);
    }

    [Fact]
    public void Line_ends_are_normalised_before_the_length_is_counted()
    {
        var exactly = string.Concat(Enumerable.Repeat("kata\r\n", ArticleRules.MaxLength / 5));

        Assert.Equal(ArticleRules.MaxLength, ArticleRules.NormaliseLineEnds(exactly).Length);
        Assert.Empty(Errors(new ExtractArticle { Text = exactly }));
        Assert.Equal("a\nb\nc", ArticleRules.NormaliseLineEnds("a\r\nb\rc"));
    }

    [Fact]
    public void An_article_over_100000_characters_is_asked_for_in_parts()
    {
        var message = Errors(new ExtractArticle { Text = new string('a', 1_000_000) })["Text"];

        Assert.Equal("The article is 1,000,000 characters long; FactCheck reads at most 100,000. Paste it in parts.", message);
    }

    [Fact]
    public void Binary_data_is_not_read_as_an_article()
    {
        var random = new Random(8);
        var bytes = new byte[4096];
        random.NextBytes(bytes);

        Assert.Equal(ArticleRules.NotText, Errors(new ExtractArticle { Text = "Presiden berkata\0 sesuatu." })["Text"]);
        Assert.Equal(ArticleRules.NotText, Errors(new ExtractArticle { Text = System.Text.Encoding.UTF8.GetString(bytes) })["Text"]);
        Assert.Equal(ArticleRules.NotText, Errors(new ExtractArticle { Text = SeedArticle.Text + new string('\u0007', 40) })["Text"]);
        // A stray control character or two in a real article is not junk.
        Assert.Empty(Errors(new ExtractArticle { Text = SeedArticle.Text.Replace("Sementara itu,", "Sementara itu,\u000c", StringComparison.Ordinal) }));
    }

    [Theory]
    [InlineData("id", "id")]
    [InlineData("ID", "id")]
    [InlineData(" en ", "en")]
    [InlineData("id-ID", "id")]
    [InlineData("en-GB", "en")]
    [InlineData("en_US", "en")]
    [InlineData("fr", null)]
    [InlineData("indonesian", null)]
    [InlineData("id-XX", null)]
    public void Languages_are_id_or_en_with_or_without_a_region(string given, string? code) =>
        Assert.Equal(code, ArticleRules.LanguageCode(given));

    [Theory]
    [InlineData("2020-10-24", "2020-10-24")]
    [InlineData("2020-10-24T09:30:00+07:00", "2020-10-24")]
    [InlineData("2020-10-24T23:30:00-05:00", "2020-10-24")]
    [InlineData("2020-10-24T01:30:00Z", "2020-10-24")]
    [InlineData("2020-10-24T10:00:00", "2020-10-24")]
    [InlineData("24/10/2020", null)]
    [InlineData("October 24, 2020", null)]
    [InlineData("2020-13-01", null)]
    [InlineData("yesterday", null)]
    public void The_publication_date_is_read_as_written(string given, string? date) =>
        Assert.Equal(date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), ArticleRules.PublishedOn(given));

    [Fact]
    public void Each_bad_field_gets_its_own_message()
    {
        var errors = Errors(new ExtractArticle
        {
            Text = SeedArticle.Text,
            Language = "fr",
            Url = "javascript:alert(1)",
            Outlet = new string('o', 201),
            PublishedAt = "24/10/2020",
        });

        Assert.Equal(["Language", "Outlet", "PublishedAt", "Url"], errors.Keys.Order());
        Assert.Contains("YYYY-MM-DD", errors["PublishedAt"], StringComparison.Ordinal);
        Assert.Contains("http://", errors["Url"], StringComparison.Ordinal);
    }

    [Fact]
    public void In_an_accept_the_article_fields_are_named_under_article()
    {
        var errors = ArticleRules.Validate(new ArticleFields { Text = "", Language = "xx", PublishedAt = "x" }, "article.")
            .SelectMany(r => r.MemberNames).Order();

        Assert.Equal(["article.language", "article.publishedAt", "article.text"], errors);
    }
}
