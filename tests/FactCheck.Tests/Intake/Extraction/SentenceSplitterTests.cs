namespace FactCheck.Tests.Intake.Extraction;

public sealed class SentenceSplitterTests
{
    [Fact]
    public void A_quotation_with_full_stops_inside_stays_one_sentence_with_its_attribution()
    {
        const string text = "\"Kita harus waspada. Perdamaian adalah dasar kerja kami,\" kata Presiden Rouhani, Rabu (7/10/2020). Dia pulang.";

        Assert.Equal(
            ["\"Kita harus waspada. Perdamaian adalah dasar kerja kami,\" kata Presiden Rouhani, Rabu (7/10/2020).", "Dia pulang."],
            Extracted.From(text).SentenceTexts(text));
    }

    [Fact]
    public void A_closing_quote_after_the_full_stop_belongs_to_the_sentence_it_closes()
    {
        const string text = "The minister said: \"We will win.\" The army said it had retreated.";

        Assert.Equal(["The minister said: \"We will win.\"", "The army said it had retreated."], Extracted.From(text, "en").SentenceTexts(text));
    }

    [Theory]
    [InlineData("Direktur RSUD dr. Anita Wulandari mengatakan pasien bertambah. Dia khawatir.", "Direktur RSUD dr. Anita Wulandari mengatakan pasien bertambah.")]
    [InlineData("Mr. Smith met Dr. Jones in the U.S. Embassy on Monday. They talked.", "Mr. Smith met Dr. Jones in the U.S. Embassy on Monday.")]
    [InlineData("Rapat digelar di Jl. Merdeka No. 12 pukul 09.00 WIB. Semua hadir.", "Rapat digelar di Jl. Merdeka No. 12 pukul 09.00 WIB.")]
    [InlineData("The report by J. R. Smith was leaked. Nobody knew.", "The report by J. R. Smith was leaked.")]
    public void Abbreviations_and_initials_do_not_end_a_sentence(string text, string first)
    {
        var sentences = Extracted.From(text).SentenceTexts(text).ToList();

        Assert.Equal(2, sentences.Count);
        Assert.Equal(first, sentences[0]);
    }

    [Fact]
    public void Numbers_with_separators_and_numeric_dates_do_not_end_a_sentence()
    {
        const string text = "Konflik menewaskan 5.000 orang, naik 1.5 kali sejak 7/10/2020 menurut data. Angka 3,5 persen juga disebut.";

        Assert.Equal(2, Extracted.From(text).Sentences.Count);
    }

    [Fact]
    public void Line_breaks_are_paragraph_boundaries_and_offsets_index_the_text_exactly_as_given_with_CRLF()
    {
        const string text = "Baris satu tanpa titik\r\n\r\nPejabat mengatakan ini. Kedua kalimat!\r\nAkhir.";
        var sentences = Extracted.From(text).Sentences;

        Assert.Equal(["Baris satu tanpa titik", "Pejabat mengatakan ini.", "Kedua kalimat!", "Akhir."], sentences.Select(s => text.Substring(s.Start, s.Length)));
        Assert.Equal([0, 1, 1, 2], sentences.Select(s => s.Paragraph));
        Assert.Equal([0, 1, 2, 3], sentences.Select(s => s.Index));
        Assert.Equal(text.IndexOf("Pejabat", StringComparison.Ordinal), sentences[1].Start);
    }

    [Fact]
    public void A_stray_quote_mark_does_not_swallow_the_rest_of_the_paragraph()
    {
        const string text = "He said \"we will win. The army retreated. Officials left.";

        Assert.Equal(3, Extracted.From(text, "en").Sentences.Count);
    }

    [Fact]
    public void A_sentence_ends_only_where_the_next_one_starts_with_a_capital_or_a_number()
    {
        const string text = "Harga naik 5 persen dsb. lalu turun lagi. 2021 menjadi tahun sulit.";

        Assert.Equal(["Harga naik 5 persen dsb. lalu turun lagi.", "2021 menjadi tahun sulit."], Extracted.From(text).SentenceTexts(text));
    }
}
