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

    [Theory]
    [InlineData("Officials said the army shelled the town. The ministry disputed the army's account of the shelling.", "en", "disputed")]
    [InlineData("Officials said the army shelled the town. The ministry rejected the army's account of the shelling.", "en", "rejected the army's account")]
    [InlineData("Pejabat menyebut tentara menembaki kota. Kementerian membantah klaim tentara soal penembakan kota.", "id", "membantah klaim")]
    public void Dispute_cues_link_with_disputes(string text, string language, string cue)
    {
        var link = Assert.Single(Extracted.From(text, language).Links);

        Assert.Equal(new CandidateLink(2, 1, "disputes", cue), link);
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
}
