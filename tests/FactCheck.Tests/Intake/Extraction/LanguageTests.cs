using FactCheck.Web.Features.Intake.Extraction;

namespace FactCheck.Tests.Intake.Extraction;

public sealed class LanguageTests
{
    [Theory]
    [InlineData("Pejabat lokal menuduh pasukan itu menyerang gedung yang ada di kota dan tidak berhenti.", "id")]
    [InlineData("Officials said the army had shelled the town and that it was not over.", "en")]
    [InlineData("di the", "id")]
    [InlineData("Vladimir Putin 5.000!", null)]
    [InlineData("", null)]
    public void The_language_is_the_one_with_more_stop_words_Indonesian_on_a_tie_and_none_without_evidence(string text, string? language)
    {
        Assert.Equal(language, ArticleExtractor.DetectLanguage(text, IntakeCues.Default));
    }

    [Fact]
    public void An_article_without_a_language_is_read_in_the_detected_one_and_says_so()
    {
        var extraction = Extracted.From("Officials said the army had shelled the town.", language: null);

        Assert.Equal(("en", true), (extraction.Language, extraction.LanguageDetected));
        Assert.Equal("Officials", Assert.Single(extraction.Candidates).Claimant?.Name);
    }

    [Theory]
    [InlineData("id", "id")]
    [InlineData("id-ID", "id")]
    [InlineData("EN", "en")]
    public void A_given_language_is_used_as_given(string given, string used)
    {
        var extraction = Extracted.From("Officials said the army had shelled the town.", given);

        Assert.Equal((used, false), (extraction.Language, extraction.LanguageDetected));
    }

    [Fact]
    public void A_language_without_cues_falls_back_to_detection_and_English_when_nothing_tells()
    {
        Assert.Equal(("id", true), (Extracted.From("Pejabat mengatakan itu tidak benar.", "fr").Language, Extracted.From("Pejabat mengatakan itu tidak benar.", "fr").LanguageDetected));
        Assert.Equal("en", Extracted.From("12345", null).Language);
    }
}
