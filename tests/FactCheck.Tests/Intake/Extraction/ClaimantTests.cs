using FactCheck.Web.Features.Intake.Extraction;

namespace FactCheck.Tests.Intake.Extraction;

public sealed class ClaimantTests
{
    [Theory]
    [InlineData("Menurut Kementerian Pertahanan Azerbaijan, pertempuran terus berlanjut.", "id", "Kementerian Pertahanan Azerbaijan", "military", null, "Menurut")]
    [InlineData("Pejabat lokal menuduh pasukan Azerbaijan menyerang gedung-gedung.", "id", "Pejabat lokal", "official-body", null, "menuduh")]
    [InlineData("Sementara itu, Presiden Rusia Vladimir Putin menduga konflik itu meluas.", "id", "Vladimir Putin", "person", "Presiden Rusia", "menduga")]
    [InlineData("Menteri Luar Negeri Amerika Serikat Mike Pompeo mengatakan perundingan berlanjut.", "id", "Mike Pompeo", "person", "Menteri Luar Negeri Amerika Serikat", "mengatakan")]
    [InlineData("Sementara itu, Presiden Republik Islam Iran Hassan Rouhani memperingatkan bahwa perang bisa meluas.", "id", "Hassan Rouhani", "person", "Presiden Republik Islam Iran", "memperingatkan")]
    [InlineData("Namun tuduhan itu dibantah pemerintah Baku.", "id", "Pemerintah Baku", "government", null, "dibantah")]
    [InlineData("Klaim itu dibantah oleh Kementerian Luar Negeri China yang menyebutnya propaganda.", "id", "Kementerian Luar Negeri China", "government", null, "dibantah oleh")]
    [InlineData("Konflik ini yang terburuk, dan kedua kubu menyalahkan satu sama lain.", "id", "Kedua kubu", "other", null, "menyalahkan satu sama lain")]
    [InlineData("\"Kami siap berunding,\" kata juru bicara militer, Kolonel Bayu Prasetyo.", "id", "Bayu Prasetyo", "person", "juru bicara militer", "kata")]
    [InlineData("Russian forces shelled the city overnight, Ukrainian officials said on Tuesday.", "en", "Ukrainian officials", "official-body", null, "said")]
    [InlineData("Nine civilians were killed, according to the regional governor, Oleksandr Petrenko.", "en", "Oleksandr Petrenko", "person", "regional governor", "according to")]
    [InlineData("\"We will not retreat,\" said Defence Minister John Harper.", "en", "John Harper", "person", "Defence Minister", "said")]
    [InlineData("Moscow denied targeting civilians.", "en", "Moscow", "government", null, "denied")]
    [InlineData("The Russian Defence Ministry said its forces had advanced.", "en", "Russian Defence Ministry", "military", null, "said")]
    [InlineData("Police in Lagos said they had arrested a suspect.", "en", "Police", "official-body", null, "said")]
    [InlineData("Both sides blamed each other for the collapse of the truce.", "en", "Both sides", "other", null, "blamed each other")]
    [InlineData("Dr. Kemi Balogun, the deputy governor, told reporters the site was sealed off.", "en", "Kemi Balogun", "person", "deputy governor", "told reporters")]
    public void The_claimant_is_found_in_every_attribution_form_with_name_role_kind_and_cue(string text, string language, string name, string kind, string? affiliation, string cue)
    {
        Assert.Equal(new CandidateClaimant(name, kind, affiliation, cue, Inferred: false), Extracted.Only(text, language).Claimant);
    }

    [Fact]
    public void A_time_phrase_between_the_name_and_the_verb_is_not_part_of_the_name()
    {
        var claimant = Extracted.Only("Rouhani pada hari Rabu (7/10/2020) mengungkapkan bahwa dia berharap.").Claimant;

        Assert.Equal("Rouhani", claimant?.Name);
    }

    [Fact]
    public void A_bare_surname_resolves_to_the_full_name_seen_earlier_with_its_role()
    {
        var extraction = Extracted.From("Presiden Iran Hassan Rouhani memperingatkan perang bisa meluas. \"Kita harus waspada,\" kata Presiden Rouhani. Rouhani juga menyinggung roket yang mendarat.");

        Assert.Equal(new CandidateClaimant("Hassan Rouhani", "person", "Presiden Iran", "kata", Inferred: true), extraction.Containing("kata Presiden Rouhani").Claimant);
        Assert.Equal("Hassan Rouhani", extraction.Containing("Rouhani juga").Claimant?.Name);
    }

    [Fact]
    public void A_given_name_resolves_when_no_surname_matches()
    {
        var extraction = Extracted.From("Kepala BNPB Rahmat Santoso mengatakan pengungsi bertambah. \"Bantuan sudah dikirim,\" kata Rahmat.");

        Assert.Equal("Rahmat Santoso", extraction.Containing("kata Rahmat").Claimant?.Name);
    }

    [Theory]
    [InlineData("Presiden Rouhani menyinggung roket yang mendarat. Dia menegaskan, hal itu tidak dapat diterima.", "id", "Dia menegaskan", "menegaskan")]
    [InlineData("Menteri Budi Santoso mengatakan stok aman. \"Tidak ada kelangkaan,\" ujarnya.", "id", "ujarnya", "ujarnya")]
    [InlineData("Health Secretary Daniel Hughes said testing would double. He added that hospitals were coping.", "en", "He added", "added")]
    public void A_pronoun_takes_the_previous_claimant_and_is_marked_inferred(string text, string language, string sentence, string cue)
    {
        var first = Extracted.From(text, language).Candidates[0].Claimant!;
        var claimant = Extracted.From(text, language).Containing(sentence).Claimant;

        Assert.Equal(first with { Cue = cue, Inferred = true }, claimant);
    }

    [Fact]
    public void A_pronoun_with_no_earlier_claimant_names_nobody()
    {
        Assert.Empty(Extracted.From("Dia menegaskan, hal itu tidak dapat diterima.").Candidates);
    }

    [Theory]
    [InlineData("Pertempuran baru pecah sehari setelah perundingan di Washington.")]
    [InlineData("Laporan itu menyebut konflik meluas.")]
    [InlineData("Sementara itu, peran Turki juga menimbulkan masalah karena penolakannya untuk mengakui pembantaian itu.")]
    public void A_sentence_whose_subject_is_not_a_speaker_is_not_attributed(string text)
    {
        Assert.All(Extracted.From(text).Candidates, c => Assert.Null(c.Claimant));
    }

    [Fact]
    public void A_bare_organisation_word_resolves_to_the_organisation_that_spoke_earlier()
    {
        var extraction = Extracted.From("Israel's military said its aircraft had hit 600 targets. Hamas fired some 1,750 rockets, the military said.", "en");

        Assert.Equal(new CandidateClaimant("Israel's military", "military", null, "said", Inferred: true), extraction.Containing("Hamas fired").Claimant);
    }
}
