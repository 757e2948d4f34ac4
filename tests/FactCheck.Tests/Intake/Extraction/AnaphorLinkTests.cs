using FactCheck.Web.Features.Intake.Extraction;

namespace FactCheck.Tests.Intake.Extraction;

/// Issue 24, precision first: a denial is linked only to the claim it answers with confidence; when the answered claim
/// cannot be told, no link is proposed and the candidate says why.
public sealed class AnaphorLinkTests
{
    [Fact]
    public void A_role_resolves_to_a_person_only_when_their_office_holds_its_modifiers()
    {
        var extraction = Extracted.From(
            "08:31 — The company's chief executive, Anna Berg, accuses the union of holding passengers to ransom. "
            + "09:02 — The union's general secretary, Tom Reid, rejects that accusation. "
            + "09:45 — The transport secretary says the government will not intervene in the dispute.", "en");
        var accusation = extraction.Containing("accuses the union");
        var denial = extraction.Containing("rejects that accusation");
        var minister = extraction.Containing("transport secretary");

        Assert.NotEqual("Tom Reid", minister.Claimant?.Name);
        Assert.Single(extraction.Links, l => l.FromNumber == denial.Number && l.ToNumber == accusation.Number && l.Relation == "denies");
        Assert.DoesNotContain(extraction.Links, l => l.FromNumber == minister.Number);
    }

    [Fact]
    public void A_group_owner_links_the_denial_to_that_group_past_other_speakers()
    {
        var extraction = Extracted.From(
            "Villagers in Kato Vrisi accused the fire brigade of leaving them to fight the flames alone. "
            + "\"Nobody came for hours,\" said Maria Lekka, a farmer. "
            + "The regional governor said 40 firefighters had been sent on Monday. "
            + "The fire brigade rejected the villagers' accusation, saying crews arrived within the hour.", "en");
        var accusation = extraction.Containing("Villagers in Kato Vrisi");
        var denial = extraction.Containing("rejected the villagers' accusation");

        Assert.True(denial.CounterClaim);
        Assert.Equal([new CandidateLink(denial.Number, accusation.Number, "denies", "rejected the villagers' accusation")], extraction.Links);
    }

    [Fact]
    public void A_claim_of_an_owner_nobody_spoke_of_gets_no_link_and_says_why()
    {
        var extraction = Extracted.From(
            "Nurses at Hillside Hospital say patients wait on trolleys for up to 20 hours. "
            + "The hospital board said it had opened 30 extra beds. "
            + "The board rejected the union's claim that trolley waits were routine.", "en");
        var denial = extraction.Containing("rejected the union's claim");

        Assert.True(denial.CounterClaim);
        Assert.Empty(extraction.Links);
        Assert.EndsWith("so no link is proposed.", denial.NoLinkReason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_allegations_without_an_accusing_verb_answer_the_claim_that_names_who_answers()
    {
        var extraction = Extracted.From(
            "A group of tenants says Northgate Housing has been overcharging them for heating since January. "
            + "\"My bill doubled in one month,\" said tenant Mary Cole. "
            + "Northgate Housing dismissed the allegations.", "en");
        var claim = extraction.Containing("A group of tenants");
        var denial = extraction.Containing("dismissed the allegations");

        Assert.Single(extraction.Links, l => l.FromNumber == denial.Number && l.ToNumber == claim.Number && l.Relation == "denies");
    }

    [Fact]
    public void A_national_average_does_not_answer_one_markets_price()
    {
        var extraction = Extracted.From(
            "Di Pasar Baru, pedagang menyebut harga bawang merah sudah menembus Rp 60.000 per kilogram, "
            + "tetapi Kementerian Perdagangan menyebut harga rata-rata nasional masih Rp 41.000 per kilogram.");

        Assert.Equal(2, extraction.Candidates.Count);
        Assert.Empty(extraction.Links);
        Assert.All(extraction.Candidates, c => Assert.False(c.CounterClaim));
    }
}
