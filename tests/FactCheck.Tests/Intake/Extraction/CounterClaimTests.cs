using FactCheck.Web.Features.Intake.Extraction;

namespace FactCheck.Tests.Intake.Extraction;

public sealed class CounterClaimTests
{
    [Fact]
    public void An_anaphor_links_the_denial_to_the_latest_accusation_even_past_another_claim()
    {
        var extraction = Extracted.From("Ketua Asosiasi Budi Hartono menuding pemerintah terlambat impor. \"Stok menipis,\" ujar Budi. Kementerian Perdagangan membantah tudingan tersebut.");
        var accusation = extraction.Containing("menuding");
        var denial = extraction.Containing("membantah");

        Assert.True(denial.CounterClaim);
        Assert.Equal([new CandidateLink(denial.Number, accusation.Number, "denies", "membantah")], extraction.Links);
    }

    [Fact]
    public void Without_an_anaphor_the_denial_answers_the_recent_claim_it_shares_most_words_with()
    {
        var extraction = Extracted.From("At least 9 civilians were killed in the attack, officials said. Ukraine's army said it had retaken two villages. Moscow denied targeting civilians.", "en");

        Assert.Equal(
            [new CandidateLink(extraction.Containing("Moscow").Number, extraction.Containing("9 civilians").Number, "denies", "denied")],
            extraction.Links);
    }

    [Fact]
    public void Without_shared_words_only_the_claim_right_before_is_answered()
    {
        var adjacent = Extracted.From("\"Inflation is coming down,\" Treasury Secretary Janet Mills said. Senator Mark Ellison rejected the claim that policies eased prices.", "en");
        var distant = Extracted.From("Presiden Joko Widodo membuka KTT di Bali hari ini. Dalam pidatonya, Jokowi menyerukan perdamaian. Juru bicara Rusia membantah klaim bahwa Moskwa menolak perundingan.");

        Assert.Equal("denies", Assert.Single(adjacent.Links).Relation);
        Assert.Empty(distant.Links);
        Assert.True(distant.Containing("membantah klaim").CounterClaim);
    }

    /// Issue 24's convention (Corpus/README.md): a denial verb denies, whatever it denies ("membantah klaim", "rejected
    /// the account"); a dispute verb, evidence of absence or "exaggerated" disputes.
    [Theory]
    [InlineData("Officials said the army shelled the town. The ministry disputed the army's account of the shelling.", "en", "disputes", "disputed")]
    [InlineData("Officials said the army shelled the town. The ministry rejected the army's account of the shelling.", "en", "denies", "rejected the army's account")]
    [InlineData("Officials said the army shelled the town. The ministry said the army's account was greatly exaggerated.", "en", "disputes", "greatly exaggerated")]
    [InlineData("Pejabat menyebut tentara menembaki kota. Kementerian membantah klaim tentara soal penembakan kota.", "id", "denies", "membantah")]
    [InlineData("Pejabat menyebut tentara menembaki kota. Kementerian mempertanyakan klaim tentara soal penembakan kota.", "id", "disputes", "mempertanyakan")]
    public void Denial_verbs_deny_and_dispute_verbs_dispute(string text, string language, string relation, string cue)
    {
        var link = Assert.Single(Extracted.From(text, language).Links);

        Assert.Equal(new CandidateLink(2, 1, relation, cue), link);
    }

    [Theory]
    [InlineData("Pejabat menyebut tentara menembaki kota. Kedua kubu saling menyalahkan atas kekerasan itu.", "id")]
    [InlineData("Officials said the army shelled the town. Both sides blamed each other for the violence.", "en")]
    public void Mutual_blame_is_its_own_counter_claim_and_answers_no_single_claim(string text, string language)
    {
        var extraction = Extracted.From(text, language);

        Assert.True(extraction.Candidates[1].CounterClaim);
        Assert.Empty(extraction.Links);
    }

    [Fact]
    public void A_denial_with_nothing_before_it_is_proposed_without_a_link()
    {
        var extraction = Extracted.From("Namun tuduhan itu dibantah pemerintah Baku.");

        Assert.True(Assert.Single(extraction.Candidates).CounterClaim);
        Assert.Empty(extraction.Links);
    }

    [Fact]
    public void A_speaker_does_not_deny_their_own_claim()
    {
        var extraction = Extracted.From("Officials said the army shelled the town. Officials denied that civilians were hurt.", "en");

        Assert.Empty(extraction.Links);
    }

    [Theory]
    [InlineData("Warga menyebut air sumur mereka tercemar, namun Dinas Lingkungan Hidup menyatakan hasil uji air masih di bawah ambang batas.", "id", "namun Dinas")]
    [InlineData("Residents said the warnings came too late, but the council said sirens had sounded an hour before the flood.", "en", "but the council")]
    [InlineData("Para pedagang mengklaim omzet anjlok, tetapi pengelola pasar menyebut jumlah pengunjung tetap ramai.", "id", "tetapi pengelola")]
    public void A_contrast_sentence_with_two_speakers_is_a_claim_and_a_counter_claim_linked(string text, string language, string second)
    {
        var extraction = Extracted.From(text, language);

        Assert.Equal(2, extraction.Candidates.Count);
        var (claim, counter) = (extraction.Candidates[0], extraction.Candidates[1]);
        Assert.StartsWith(second, counter.Text, StringComparison.Ordinal);
        Assert.Equal(claim.Start + claim.Length, text.IndexOf(second, StringComparison.Ordinal) - 2);
        Assert.False(claim.CounterClaim);
        Assert.True(counter.CounterClaim);
        Assert.NotEqual(claim.Claimant?.Name, counter.Claimant?.Name);
        Assert.Equal([new CandidateLink(counter.Number, claim.Number, "disputes", second.Split(' ')[0])], extraction.Links);
    }

    [Theory]
    [InlineData("Manajemen mengakui ada keterlambatan, namun menyebut gaji akan dibayar pekan ini.", "id")]
    [InlineData("The insurer said hackers had reached a database, but it has not said how many customers were affected.", "en")]
    public void A_contrast_within_one_speaker_s_words_stays_one_claim(string text, string language)
    {
        var extraction = Extracted.From(text, language);

        Assert.Single(extraction.Candidates);
        Assert.Empty(extraction.Links);
    }

    [Fact]
    public void Two_speakers_giving_figures_for_different_things_are_two_claims_without_a_link()
    {
        var extraction = Extracted.From("Inflation eased to 2.1% in May, according to the statistics office, but retailers said footfall had dropped 4% since April.", "en");

        Assert.Equal(2, extraction.Candidates.Count);
        Assert.All(extraction.Candidates, c => Assert.False(c.CounterClaim));
        Assert.Empty(extraction.Links);
    }

    [Fact]
    public void A_group_s_accusation_is_answered_past_a_supporting_quote_and_an_unrelated_claim()
    {
        var extraction = Extracted.From(
            "Sejumlah pengemudi ojek daring menuduh aplikator memotong tarif secara sepihak. \"Penghasilan kami turun separuh,\" kata seorang pengemudi, Rudi. "
            + "Dinas Perhubungan mencatat 4.000 pengemudi terdaftar di kota itu. Juru bicara aplikator, Maya Lestari, membantah tudingan tersebut.");
        var accusation = extraction.Containing("menuduh aplikator");
        var denial = extraction.Containing("membantah");

        Assert.Equal("Pengemudi ojek daring", accusation.Claimant?.Name);
        Assert.Equal([new CandidateLink(denial.Number, accusation.Number, "denies", "membantah")], extraction.Links);
    }

    [Fact]
    public void The_accusation_meant_is_the_nearest_one_not_an_older_one()
    {
        var extraction = Extracted.From(
            "Opposition MPs accused the minister of misleading parliament. Teachers' unions accused the ministry of cutting school budgets. The ministry rejected the accusation.", "en");

        Assert.Equal(
            [new CandidateLink(extraction.Containing("rejected").Number, extraction.Containing("Teachers").Number, "denies", "rejected the accusation")],
            extraction.Links);
    }

    [Fact]
    public void A_possessive_names_whose_claim_is_answered_and_the_link_goes_to_the_first_claim_of_their_account()
    {
        var extraction = Extracted.From(
            "The family's lawyer, Grace Mensah, said the officers had used excessive force. \"He was already on the ground,\" Mensah said. "
            + "The police chief said an inquiry had begun. The chief later rejected the lawyer's claims.", "en");

        Assert.Equal(
            [new CandidateLink(extraction.Containing("later rejected").Number, extraction.Containing("excessive force").Number, "denies", "rejected the lawyer's claims")],
            extraction.Links);
    }

    [Fact]
    public void When_the_answered_claim_cannot_be_told_there_is_no_link_and_the_candidate_says_why()
    {
        var extraction = Extracted.From("Polisi menyebut 12 orang ditangkap. Wali kota mengatakan situasi sudah kondusif. Namun tuduhan itu dibantah pengacara para tersangka.");
        var denial = extraction.Containing("dibantah");

        Assert.True(denial.CounterClaim);
        Assert.Empty(extraction.Links);
        Assert.Contains("tuduhan itu", denial.NoLinkReason, StringComparison.Ordinal);
        Assert.All(extraction.Candidates.Where(c => c != denial), c => Assert.Null(c.NoLinkReason));
    }

    [Fact]
    public void Another_figure_for_the_same_thing_with_a_correcting_word_disputes_the_first()
    {
        var extraction = Extracted.From("Polisi menyebut jumlah korban penipuan mencapai 80 orang. Paguyuban korban mengklaim jumlah korban sebenarnya lebih dari 300 orang.");

        Assert.Equal(
            [new CandidateLink(extraction.Containing("sebenarnya").Number, extraction.Containing("80 orang").Number, "disputes", "sebenarnya")],
            extraction.Links);
    }

    [Theory]
    [InlineData("Sejumlah guru honorer menuding Dinas Pendidikan menunda gaji mereka. Kepala Dinas Pendidikan, Rina Sari, membantahnya.", "id", "membantahnya")]
    [InlineData("Pemerintah kota dituding menunda pembayaran gaji guru honorer. Wali Kota Tri Adhianto membantah hal tersebut.", "id", "membantah")]
    [InlineData("The mayor was accused by opposition councillors of hiding a budget shortfall. The mayor denied it.", "en", "denied")]
    public void A_denial_pointing_back_with_a_clitic_a_pronoun_or_hal_itu_answers_the_accusation_before_it(string text, string language, string cue)
    {
        var extraction = Extracted.From(text, language);

        Assert.Equal(2, extraction.Candidates.Count);
        Assert.Equal([new CandidateLink(2, 1, "denies", cue)], extraction.Links);
    }

    [Fact]
    public void A_passive_accusation_names_the_accuser_as_claimant()
    {
        var accusation = Extracted.From("The mayor was accused by opposition councillors of hiding a budget shortfall.", "en").Candidates[0];

        Assert.Equal("Opposition councillors", accusation.Claimant?.Name);
    }

    [Theory]
    [InlineData("Sementara pemerintah menyebut ekonomi tumbuh 5 persen, para ekonom menilai pertumbuhan itu tidak dirasakan warga.", "id", "Sementara")]
    [InlineData("The ministry said 40 schools had reopened but teachers said most classrooms were still flooded.", "en", "but")]
    public void A_contrast_with_a_fronted_clause_or_without_a_comma_splits_too(string text, string language, string cue)
    {
        var extraction = Extracted.From(text, language);

        Assert.Equal(2, extraction.Candidates.Count);
        Assert.Equal([new CandidateLink(2, 1, "disputes", cue)], extraction.Links);
    }

    [Fact]
    public void A_quoted_denial_points_back_like_any_other()
    {
        var extraction = Extracted.From("Warga menuding pengembang menimbun sungai. Polisi menyebut 3 orang ditangkap. \"Tuduhan itu tidak benar,\" kata kuasa hukum pengembang.");

        Assert.Equal([new CandidateLink(3, 1, "denies", "tidak benar")], extraction.Links);
    }

    [Theory]
    [InlineData("The company said 200 workers would lose their jobs. The union said the real figure was 500.", "en", 500d, "workers", "real")]
    [InlineData("Union officials said at least 60 nurses had called in sick. The hospital later said the figure was closer to 25.", "en", 25d, "nurses", "closer to")]
    public void A_bare_number_correcting_someone_else_s_figure_counts_the_same_thing_and_disputes_it(string text, string language, double value, string unit, string cue)
    {
        var extraction = Extracted.From(text, language);

        Assert.Equal((value, unit), (extraction.Candidates[1].Figure?.Value, extraction.Candidates[1].Figure?.Unit));
        Assert.Equal([new CandidateLink(2, 1, "disputes", cue)], extraction.Links);
    }

    [Fact]
    public void A_post_s_claim_is_what_klaim_itu_answers_where_the_post_first_made_it()
    {
        var extraction = Extracted.From(
            "Beredar unggahan di Facebook yang menyebut sekolah diliburkan sebulan. Unggahan itu telah dibagikan 2.000 kali. Dalam unggahan tersebut juga disebutkan ujian ditunda. "
            + "Kepala Dinas Pendidikan memastikan klaim itu tidak benar.");

        Assert.Equal("Unggahan di Facebook", extraction.Candidates[0].Claimant?.Name);
        Assert.Equal([new CandidateLink(extraction.Containing("klaim itu").Number, 1, "denies", "tidak benar")], extraction.Links);
    }

    [Fact]
    public void The_accused_company_answering_with_a_negation_denies_the_accusation()
    {
        var extraction = Extracted.From("Residents accused Thames Water of dumping sewage into the river. The company said it had never released untreated waste.", "en");

        Assert.Equal("Thames Water", extraction.Candidates[1].Claimant?.Name);
        Assert.Equal([new CandidateLink(2, 1, "denies", "reply by Thames Water")], extraction.Links);
    }

    [Fact]
    public void In_a_debunk_an_official_saying_there_was_none_denies_the_post_s_figure()
    {
        var extraction = Extracted.From("A post on Facebook says 300 people were killed by the landslide. The city's police chief, Ramon Cruz, said there had been no deaths at all.", "en");

        Assert.Equal([new CandidateLink(2, 1, "denies", "there had been no")], extraction.Links);
    }
}
