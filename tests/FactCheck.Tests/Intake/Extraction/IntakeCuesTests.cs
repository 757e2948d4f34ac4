using System.Text;
using FactCheck.Web.Features.Intake.Extraction;

namespace FactCheck.Tests.Intake.Extraction;

public sealed class IntakeCuesTests
{
    private static IntakeCues Extend(string json) => IntakeCues.Extend(IntakeCues.Default, new MemoryStream(Encoding.UTF8.GetBytes(json)));

    private static ArticleExtraction Read(string text, IntakeCues cues) =>
        ArticleExtractor.Extract(new ArticleInput(text, "id", Extracted.ArticleDate), cues);

    [Fact]
    public void A_verb_the_desk_adds_makes_a_new_attribution_work_and_leaves_the_built_in_cues_alone()
    {
        const string text = "Wali kota Bandung Dedi Rahman mewanti-wanti warga agar menjauhi sungai.";
        var desk = Extend("""{ "languages": { "id": { "preVerbs": [ "mewanti-wanti" ] } } }""");

        Assert.Empty(Read(text, IntakeCues.Default).Candidates);
        Assert.Equal(new CandidateClaimant("Dedi Rahman", "person", "Wali kota Bandung", "mewanti-wanti", false), Assert.Single(Read(text, desk).Candidates).Claimant);
        Assert.Equal("Pejabat lokal", Assert.Single(Read("Pejabat lokal menuduh pasukan menyerang kota.", desk).Candidates).Claimant?.Name);
    }

    [Fact]
    public void The_desk_can_add_places_units_and_organisations_and_change_the_threshold()
    {
        var desk = Extend("""
            {
              // Comments and trailing commas are allowed in the desk's file.
              "candidateThreshold": 90,
              "gazetteer": [ "Bogor" ],
              "languages": { "id": { "units": { "karung": "sacks" }, "organisations": { "paguyuban": "other" }, } },
            }
            """);

        Assert.Empty(Read("Menurut polisi, 500 karung beras hilang di Bogor.", desk).Candidates);
        var withDefaultThreshold = Extend("""{ "languages": { "id": { "units": { "karung": "sacks" }, "organisations": { "paguyuban": "other" } } } }""");
        var candidate = Assert.Single(Read("Paguyuban pedagang mengatakan 500 karung beras hilang.", withDefaultThreshold).Candidates);
        Assert.Equal(("Paguyuban pedagang", "other", 500d, "sacks"), (candidate.Claimant?.Name, candidate.Claimant?.Kind, candidate.Figure?.Value, candidate.Figure?.Unit));
    }

    [Theory]
    [InlineData("{ \"languages\": { \"id\": { \"preVerbs\": [ \"mewanti-wanti\" ] } ", "not a valid intake cue file")]
    [InlineData("{ \"languages\": { \"id\": { \"preVerb\": [ \"mewanti-wanti\" ] } } }", "preVerb")]
    [InlineData("{ \"languages\": { \"id\": { \"organisations\": { \"paguyuban\": \"club\" } } } }", "languages.id.organisations.paguyuban is \"club\"")]
    [InlineData("{ \"candidateThreshold\": 150 }", "candidateThreshold must be between 0 and 100")]
    [InlineData("{ \"languages\": { \"id\": { \"weekdays\": { \"senen\": \"mondai\" } } } }", "languages.id.weekdays.senen")]
    [InlineData("null", "it is empty")]
    public void A_bad_desk_file_fails_with_a_message_that_names_the_problem(string json, string message)
    {
        var error = Assert.Throws<InvalidDataException>(() => Extend(json));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("The desk's intake cue file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_built_in_cues_are_built_once_and_shared()
    {
        Assert.Same(IntakeCues.Default, IntakeCues.Default);
    }
}
