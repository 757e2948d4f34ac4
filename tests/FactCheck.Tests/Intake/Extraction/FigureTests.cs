using FactCheck.Web.Features.Intake.Extraction;

namespace FactCheck.Tests.Intake.Extraction;

public sealed class FigureTests
{
    [Theory]
    [InlineData("Putin menduga konflik itu telah menewaskan 5.000 orang.", "id", 5000d, null, "people", "5.000 orang")]
    [InlineData("Menurut BNPB, sebanyak 1,5 juta warga terdampak.", "id", 1_500_000d, null, "residents", "1,5 juta warga")]
    [InlineData("Menurut polisi, 12 tentara tewas.", "id", 12d, null, "soldiers", "12 tentara")]
    [InlineData("Menurut polisi, korban tewas mencapai 350.", "id", 350d, null, "deaths", "350")]
    [InlineData("Menurut polisi, sebanyak 2.000-3.000 orang mengungsi.", "id", 2000d, 3000d, "people", "2.000-3.000 orang")]
    [InlineData("Menurut polisi, antara 2.000 dan 3.000 orang mengungsi.", "id", 2000d, 3000d, "people", "2.000 dan 3.000 orang")]
    [InlineData("Menurut BPS, inflasi naik 3,5 persen.", "id", 3.5d, null, "percent", "3,5 persen")]
    [InlineData("Menurut polisi, dua tentara tewas.", "id", 2d, null, "soldiers", "dua tentara")]
    [InlineData("Officials said 5,000 people had fled.", "en", 5000d, null, "people", "5,000 people")]
    [InlineData("Officials said 1.5 million people had fled.", "en", 1_500_000d, null, "people", "1.5 million people")]
    [InlineData("Officials said between 2,000 and 3,000 relief camps were open.", "en", 2000d, 3000d, "camps", "2,000 and 3,000 relief camps")]
    [InlineData("Officials said inflation rose 4.9% in April.", "en", 4.9d, null, "percent", "4.9%")]
    [InlineData("Officials said inflation could settle between 4% and 5%.", "en", 4d, 5d, "percent", "4% and 5%")]
    [InlineData("Officials said troops destroyed 2,396 Ukrainian military facilities.", "en", 2396d, null, "facilities", "2,396 Ukrainian military facilities")]
    [InlineData("Officials said the plan costs $2.5 billion.", "en", 2_500_000_000d, null, "USD", "2.5 billion")]
    public void Figures_are_read_with_the_language_s_separators_multipliers_ranges_and_units(string text, string language, double value, double? high, string unit, string written)
    {
        var figure = Extracted.Only(text, language).Figure;

        Assert.Equal(new CandidateFigure(value, high, unit, written), figure);
    }

    [Theory]
    [InlineData("Menurut polisi, perang terjadi pada tahun 2007 dan 2020.", "id")]
    [InlineData("Menurut polisi, rapat digelar pukul 09.00 WIB.", "id")]
    [InlineData("Menurut polisi, rapat digelar di Jl. Merdeka No. 12.", "id")]
    [InlineData("Menurut polisi, pekan ke-2 menjadi puncaknya.", "id")]
    [InlineData("Menurut polisi, gerakan 3M harus dijalankan.", "id")]
    [InlineData("Menurut polisi, KTT G20 dibuka di Bali.", "id")]
    [InlineData("Officials said the firm is based at 14 Marina Street.", "en")]
    [InlineData("Officials said a 21-storey tower collapsed.", "en")]
    [InlineData("Officials said the report came out at 8:30 a.m. on the 3rd floor.", "en")]
    [InlineData("Officials said the talks began on 7 October 2020.", "en")]
    public void Years_times_addresses_ordinals_names_and_date_parts_are_not_figures(string text, string language)
    {
        Assert.Null(Extracted.Only(text, language).Figure);
    }

    [Fact]
    public void A_number_word_counts_only_before_a_unit_from_the_cue_data()
    {
        Assert.Null(Extracted.Only("Menurut polisi, dua gencatan senjata dilanggar.").Figure);
    }

    [Theory]
    [InlineData("5.000", ',', 5000d)]
    [InlineData("1,5", ',', 1.5d)]
    [InlineData("1.5", ',', 1.5d)]
    [InlineData("1.234.567,89", ',', 1234567.89d)]
    [InlineData("5,000", '.', 5000d)]
    [InlineData("1.5", '.', 1.5d)]
    [InlineData("1,234,567.5", '.', 1234567.5d)]
    public void Numbers_follow_the_language_s_separators_and_fall_back_to_the_other_way(string written, char decimalSeparator, double value)
    {
        Assert.True(NumberText.TryParse(written, decimalSeparator, out var parsed));
        Assert.Equal(value, parsed, 6);
    }

    [Theory]
    [InlineData("1.2.3")]
    [InlineData("12,34,56")]
    [InlineData("99999999999999999999")]
    public void Malformed_or_absurd_numbers_are_not_read(string written)
    {
        Assert.False(NumberText.TryParse(written, ',', out _));
    }
}
