using FactCheck.Web.Features.Intake.Extraction;

namespace FactCheck.Tests.Intake.Extraction;

/// The article is dated Saturday 24 October 2020 unless a test says otherwise.
public sealed class DateTests
{
    [Theory]
    [InlineData("Menurut polisi, serangan itu terjadi pada 27 September 2020.", "id", "2020-09-27", "27 September 2020")]
    [InlineData("Menurut polisi, Menlu bertemu pada Jumat, 23 Oktober 2020 di Washington.", "id", "2020-10-23", "Jumat, 23 Oktober 2020")]
    [InlineData("Rouhani pada hari Rabu (7/10/2020) mengungkapkan bahwa dia berharap.", "id", "2020-10-07", "Rabu (7/10/2020)")]
    [InlineData("Officials said the talks began on October 7, 2020 in Geneva.", "en", "2020-10-07", "October 7, 2020")]
    [InlineData("Officials said the talks began on 7 Oct 2020 in Geneva.", "en", "2020-10-07", "7 Oct 2020")]
    [InlineData("Officials said the talks began on 2020-10-07 in Geneva.", "en", "2020-10-07", "2020-10-07")]
    [InlineData("Officials said the talks began on Wednesday, Oct. 7, 2020.", "en", "2020-10-07", "Wednesday, Oct. 7, 2020")]
    public void Explicit_dates_are_read_in_both_languages(string text, string language, string date, string written)
    {
        var found = Extracted.Only(text, language).Date;

        Assert.Equal(new CandidateDate(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), written, "explicit"), found);
    }

    [Fact]
    public void Explicit_dates_need_no_article_date()
    {
        var date = Assert.Single(Extracted.Undated("Menurut polisi, serangan terjadi pada 27 September 2020.").Candidates).Date;

        Assert.Equal(new DateOnly(2020, 9, 27), date?.Value);
    }

    [Theory]
    [InlineData("Menurut polisi, rapat digelar pada 23 Oktober.", "id", "2020-10-23")]
    [InlineData("Menurut polisi, rapat digelar pada 30 Desember.", "id", "2019-12-30")]
    [InlineData("Officials said the talks began on March 6.", "en", "2020-03-06")]
    public void A_date_without_a_year_takes_the_article_year_or_the_year_before_when_it_would_be_later(string text, string language, string date)
    {
        var found = Extracted.Only(text, language).Date;

        Assert.Equal(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), found?.Value);
        Assert.Equal("no-year", found?.Basis);
    }

    [Theory]
    [InlineData("Menurut polisi, serangan terjadi pada hari Senin.", "id", "2020-10-19")]
    [InlineData("Menurut polisi, serangan terjadi pada Sabtu.", "id", "2020-10-24")]
    [InlineData("Officials said the attack happened on Monday.", "en", "2020-10-19")]
    public void A_bare_weekday_is_the_latest_such_day_on_or_before_the_article_date(string text, string language, string date)
    {
        var found = Extracted.Only(text, language).Date;

        Assert.Equal(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), found?.Value);
        Assert.Equal("weekday", found?.Basis);
    }

    [Theory]
    [InlineData("Menurut polisi, serangan terjadi pada hari Senin.", "id")]
    [InlineData("Menurut polisi, rapat digelar pada 23 Oktober.", "id")]
    [InlineData("Menurut polisi, serangan terjadi kemarin.", "id")]
    [InlineData("Officials said the attack happened yesterday.", "en")]
    public void Weekdays_dates_without_a_year_and_relative_days_need_the_article_date(string text, string language)
    {
        Assert.Null(Assert.Single(Extracted.Undated(text, language).Candidates).Date);
    }

    [Theory]
    [InlineData("Menurut polisi, serangan terjadi kemarin.", "id", "2020-10-23")]
    [InlineData("Menurut polisi, serangan terjadi hari ini.", "id", "2020-10-24")]
    [InlineData("Officials said the attack happened yesterday.", "en", "2020-10-23")]
    public void Relative_days_count_from_the_article_date(string text, string language, string date)
    {
        var found = Extracted.Only(text, language).Date;

        Assert.Equal(new CandidateDate(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), found!.Text, "relative"), found);
    }

    [Theory]
    [InlineData("Officials said the vote was held on 10/7/2020.", "2020-10-07")]
    [InlineData("Officials said the vote was held on 3/4/2020.", "2020-04-03")]
    [InlineData("Officials said the vote was held on 10/25/2020.", "2020-10-25")]
    public void English_numeric_dates_read_day_first_unless_month_first_is_the_only_or_the_recent_reading(string text, string date)
    {
        Assert.Equal(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), Extracted.Only(text, "en").Date?.Value);
    }

    [Fact]
    public void Indonesian_numeric_dates_are_always_day_first()
    {
        Assert.Equal(new DateOnly(2020, 7, 10), Extracted.Only("Menurut polisi, pemungutan suara digelar 10/7/2020.").Date?.Value);
    }

    [Theory]
    [InlineData("Menurut polisi, pekan ke-2 Januari adalah puncaknya.")]
    [InlineData("Menurut polisi, perang terjadi pada tahun 1994.")]
    [InlineData("Menurut polisi, harga naik sejak Juli.")]
    public void Ordinals_bare_years_and_months_without_a_day_are_not_dates(string text)
    {
        Assert.Null(Extracted.Only(text).Date);
    }

    [Fact]
    public void An_attributed_sentence_without_a_date_takes_the_date_of_the_next_sentence_by_the_same_speaker_and_says_so()
    {
        const string text = "Presiden Iran Hassan Rouhani memperingatkan perang bisa meluas. Rouhani pada hari Rabu (7/10/2020) mengungkapkan harapannya. Pejabat lain menyebut hal berbeda.";
        var extraction = Extracted.From(text);
        var warning = extraction.Containing("memperingatkan");

        Assert.Equal(new CandidateDate(new DateOnly(2020, 10, 7), "Rabu (7/10/2020)", "neighbour"), warning.Date);
        Assert.Contains(warning.Score.Reasons, r => r.Code == "date" && r.Label.Contains("neighbouring sentence by Hassan Rouhani", StringComparison.Ordinal));
        Assert.Null(extraction.Containing("Pejabat lain").Date);
    }

    [Fact]
    public void The_date_of_the_attribution_wins_over_a_date_inside_the_claim()
    {
        var found = Extracted.Only("Air strikes killed 119 people since Monday, the health ministry said in a statement on Friday.", "en").Date;

        Assert.Equal(new CandidateDate(new DateOnly(2020, 10, 23), "Friday", "weekday"), found);
    }
}
