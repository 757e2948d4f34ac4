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

    [Fact]
    public void Every_figure_in_a_sentence_is_its_own_candidate_with_the_sentence_s_claimant_date_and_span()
    {
        var extraction = Extracted.From("Banjir yang melanda tiga kecamatan pada Senin (19/10) menewaskan 12 orang dan membuat 3.400 warga mengungsi, kata Kepala BPBD Budi Santoso.");

        Assert.Equal([(3d, "subdistricts"), (12d, "people"), (3400d, "residents")], extraction.Candidates.Select(c => (c.Figure!.Value, c.Figure.Unit)));
        Assert.All(extraction.Candidates, c => Assert.Equal(("figure", "Budi Santoso", new DateOnly(2020, 10, 19), 0), (c.Kind, c.Claimant?.Name, c.Date!.Value, c.Start)));
        Assert.Equal(3, extraction.Candidates.Select(c => c.Title).Distinct().Count());
    }

    [Theory]
    [InlineData("Menurut pedagang, setiap lapak ditarik Rp 15.000 per hari.", "id", 15000d, "IDR/day")]
    [InlineData("Menurut polisi, 6 orang saksi sudah diperiksa.", "id", 6d, "witnesses")]
    [InlineData("Menurut BPS, harga beras naik 30 persen per bulan.", "id", 30d, "percent/month")]
    [InlineData("Menurut BMKG, gempa bermagnitudo 5,6 terasa hingga Bandung.", "id", 5.6d, "magnitude")]
    [InlineData("Officials said council tax had reached £2,140 a year.", "en", 2140d, "GBP/year")]
    [InlineData("Officials said winds of up to 120 kph hit the coast.", "en", 120d, "km/h")]
    [InlineData("Officials said the debt stood at 10.6 trillion shillings.", "en", 10_600_000_000_000d, "KES")]
    [InlineData("Officials said the shares lost about A$650 million in value.", "en", 650_000_000d, "AUD")]
    [InlineData("Officials said the storm damaged two staff canteens.", "en", 2d, "canteens")]
    [InlineData("Officials said the death toll from the flood rose to 215 on Friday.", "en", 215d, "deaths")]
    public void Units_are_the_counted_noun_in_English_with_rates_and_currencies_as_codes(string text, string language, double value, string unit)
    {
        var figure = Extracted.Only(text, language).Figure;

        Assert.Equal((value, unit), (figure?.Value, figure?.Unit));
    }

    [Theory]
    [InlineData("Menurut polisi, status darurat berlaku selama 14 hari.", "id")]
    [InlineData("Menurut polisi, tersangka RS (34) ditangkap di rumahnya.", "id")]
    [InlineData("Menurut polisi, siswi kelas tiga SD Negeri Cibadak 2 itu dirawat.", "id")]
    [InlineData("Menurut polisi, satu dari korban sudah pulang.", "id")]
    [InlineData("Menurut KPU, pasangan nomor urut 3 unggul di kecamatan itu.", "id")]
    [InlineData("Menurut polisi, macet terjadi dari kilometer 70 hingga kilometer 114.", "id")]
    [InlineData("Officials said Margaret Okafor, 71, had lived there for 30 years.", "en")]
    [InlineData("Officials said the talks would take two weeks.", "en")]
    [InlineData("Officials said the three suspects were questioned.", "en")]
    [InlineData("Officials said one in four trains was late.", "en")]
    public void Durations_ages_labels_names_and_counts_already_made_are_not_figures(string text, string language)
    {
        Assert.All(Extracted.From(text, language).Candidates, c => Assert.Null(c.Figure));
    }

    [Theory]
    [InlineData("One post on X sharing the clip, viewed more than 2.3 million times, says 300 people died.", "en", 300d)]
    [InlineData("Two witnesses who spoke to the Courier said they heard four shots.", "en", 4d)]
    public void A_number_in_the_speaker_s_phrase_is_not_the_claim_s_figure(string text, string language, double value)
    {
        Assert.Equal(value, Extracted.Only(text, language).Figure?.Value);
    }

    [Theory]
    [InlineData("The commission said the winner had 366,781 votes, against 117,454 for the runner-up.", "en", "votes")]
    [InlineData("Observers said polling was late in 9 of the state's 16 local government areas.", "en", "local government areas")]
    public void A_number_without_a_unit_takes_the_unit_of_the_figure_it_is_set_against(string text, string language, string unit)
    {
        var extraction = Extracted.From(text, language);

        Assert.Equal(2, extraction.Candidates.Count);
        Assert.All(extraction.Candidates, c => Assert.Equal(unit, c.Figure?.Unit));
    }
}
