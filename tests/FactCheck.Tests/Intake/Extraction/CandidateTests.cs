using FactCheck.Web.Features.Claims;
using FactCheck.Web.Features.Intake.Extraction;

namespace FactCheck.Tests.Intake.Extraction;

/// Which sentences are proposed, their kind, their explained score and their suggested title.
public sealed class CandidateTests
{
    [Theory]
    [InlineData("Upaya telah banyak dilakukan untuk mengakhiri perang antara Azerbaijan dan Armenia, namun perang berlanjut.")]
    [InlineData("Nagorno-Karabakh yang disengketakan secara resmi adalah bagian Azerbaijan, namun penduduknya didominasi oleh etnis Armenia.")]
    [InlineData("Rescue work continued through the night in Lagos.")]
    [InlineData("The first case in the country was confirmed on Jan. 31.")]
    public void Background_without_an_attribution_figure_denial_or_enough_weight_is_not_proposed(string text)
    {
        Assert.Empty(Extracted.From(text, text.Contains(" the ", StringComparison.Ordinal) ? "en" : "id").Candidates);
    }

    [Fact]
    public void The_score_lists_each_reason_with_its_points_and_the_words_behind_it()
    {
        var putin = Extracted.Only("Sementara itu, Presiden Rusia Vladimir Putin menduga konflik itu telah menewaskan 5.000 orang di Nagorno-Karabakh.");

        Assert.Equal(
            [
                new ScoreReason("attribution", "attributed to Vladimir Putin (menduga)", 30, "menduga"),
                new ScoreReason("figure", "names a figure: 5.000 orang", 25, "5.000 orang"),
                new ScoreReason("place", "names a place: Nagorno-Karabakh", 10, "Nagorno-Karabakh"),
                new ScoreReason("person", "names a person: Vladimir Putin", 10, "Vladimir Putin"),
                new ScoreReason("event", "reports an event (menewaskan)", 10, "menewaskan"),
            ],
            putin.Score.Reasons);
        Assert.Equal(85, putin.Score.Value);
    }

    [Fact]
    public void The_score_is_capped_at_100()
    {
        var busy = Extracted.Only("\"Kami tidak menyerang,\" kata Menteri Pertahanan Budi Santoso, Rabu (7/10/2020), membantah tuduhan bahwa 5.000 orang tewas di Stepanakert.");

        Assert.Equal(100, busy.Score.Value);
        Assert.True(busy.Score.Reasons.Sum(r => r.Points) > 100);
    }

    [Theory]
    [InlineData("Presiden Vladimir Putin menduga konflik itu telah menewaskan 5.000 orang.", "id", "figure")]
    [InlineData("\"Perdamaian adalah dasar kerja kami,\" kata Presiden Rouhani.", "id", "quote")]
    [InlineData("Menlu Mike Pompeo telah bertemu dengan Menlu Armenia pada Jumat, 23 Oktober 2020.", "id", "event")]
    [InlineData("Pejabat lokal menuduh pasukan Azerbaijan menyerang gedung-gedung di Stepanakert.", "id", "statement")]
    [InlineData("Moscow denied targeting civilians.", "en", "statement")]
    public void The_kind_is_figure_quote_event_or_statement(string text, string language, string kind)
    {
        Assert.Equal(kind, Extracted.Only(text, language).Kind);
    }

    [Fact]
    public void A_place_after_di_or_in_is_preferred_over_a_country_in_the_sentence()
    {
        Assert.Equal("Stepanakert", Extracted.Only("Pejabat lokal menuduh pasukan Azerbaijan menyerang gedung-gedung di Stepanakert.").Place);
    }

    [Fact]
    public void The_title_names_the_claimant_and_the_claim_and_is_cut_at_a_word_within_75_characters()
    {
        var extraction = Extracted.From("Sementara itu, Presiden Rusia Vladimir Putin menduga konflik itu telah menewaskan 5.000 orang. Presiden Iran Hassan Rouhani memperingatkan bahwa pertempuran dua negara tetangganya bisa meningkat menjadi perang regional yang lebih luas.");

        Assert.Equal("Vladimir Putin: konflik itu telah menewaskan 5.000 orang", extraction.Candidates[0].Title);
        var cut = extraction.Candidates[1].Title;
        Assert.Equal("Hassan Rouhani: pertempuran dua negara tetangganya bisa meningkat menjadi…", cut);
        Assert.True(cut.Length <= ClaimRules.MaxTitleLength);
    }

    [Fact]
    public void A_denial_s_title_keeps_its_verb_and_a_quote_s_title_is_its_words()
    {
        var extraction = Extracted.From("Kementerian Perdagangan membantah tudingan tersebut. \"Stok beras aman,\" ujar Menteri Perdagangan Budi Santoso.");

        Assert.Equal("Kementerian Perdagangan membantah tudingan tersebut", extraction.Candidates[0].Title);
        Assert.Equal("Budi Santoso: Stok beras aman", extraction.Candidates[1].Title);
    }

    [Theory]
    [InlineData("Menurut polisi, kabar bahwa 5.000 orang tewas adalah hoaks dan informasi palsu.", "id")]
    [InlineData("Officials said reports that 5,000 people died were false and misleading.", "en")]
    public void Titles_carry_no_rating_words(string text, string language)
    {
        var title = Extracted.Only(text, language).Title;

        Assert.Null(ClaimRules.RatingWordIn(title));
        Assert.NotEmpty(title);
    }

    [Theory]
    [InlineData("Sekretaris Jenderal Kementerian Luar Negeri, Budi Hartono, membantah tuduhan itu.", "id", "Budi Hartono membantah tuduhan itu")]
    [InlineData("Tuduhan itu dibantah oleh juru bicara Kementerian Pertahanan.", "id", "Juru bicara Kementerian Pertahanan: Tuduhan itu dibantah")]
    [InlineData("The council's chief executive, Mark Ellis, said 40 staff had left since May.", "en", "Mark Ellis: 40 staff had left since May")]
    public void A_title_says_what_was_claimed_never_an_apposition_or_a_dangling_agent(string text, string language, string title)
    {
        Assert.Equal(title, Extracted.From(text, language).Candidates[0].Title);
    }

    [Fact]
    public void A_long_title_is_cut_at_a_word_and_never_right_after_a_word_that_needs_the_next()
    {
        var title = Extracted.Only("Menurut kepolisian, para pengunjuk rasa yang datang dari berbagai daerah di Jawa Barat menutup jalan utama menuju gedung dewan selama berjam-jam.").Title;

        Assert.True(title.Length <= ClaimRules.MaxTitleLength);
        Assert.EndsWith("…", title, StringComparison.Ordinal);
        var last = title.TrimEnd('…').Split(' ')[^1];
        Assert.DoesNotContain(last, new[] { "yang", "dari", "di", "menuju", "dan", "ke", "the", "of", "in", "oleh" });
    }

    [Fact]
    public void The_article_s_first_line_without_a_full_stop_is_a_headline_not_a_claim()
    {
        var extraction = Extracted.From("LIVE — Banjir di Kalimantan Tengah, Senin (19/10)\n\nBNPB mencatat 1.245 rumah terendam di Palangka Raya.");

        Assert.Equal("BNPB", Assert.Single(extraction.Candidates).Claimant?.Name);
    }
}
