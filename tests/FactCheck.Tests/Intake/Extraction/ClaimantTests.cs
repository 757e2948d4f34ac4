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

    [Theory]
    [InlineData("Sekelompok nelayan Muara Angke menuduh pemerintah kota menghambat izin melaut.", "id", "Nelayan Muara Angke", "other")]
    [InlineData("Sejumlah orang tua murid menuding sekolah menaikkan iuran tanpa pemberitahuan.", "id", "Orang tua murid", "other")]
    [InlineData("Warganet menyebut video itu direkam di Bandung, bukan di Garut.", "id", "Warganet", "other")]
    [InlineData("Beredar pesan berantai di WhatsApp yang menyebut sekolah diliburkan sepekan.", "id", "Pesan berantai di WhatsApp", "other")]
    [InlineData("Several parents at Hillcrest Primary School accused the council of ignoring their complaints.", "en", "Parents at Hillcrest Primary School", "other")]
    [InlineData("A video shared on TikTok claims the bridge collapsed during the storm.", "en", "Video shared on TikTok", "other")]
    [InlineData("Dozens of growers in the valley said the frost had destroyed their crops.", "en", "Growers in the valley", "other")]
    [InlineData("Two witnesses who spoke to the Courier said they saw the driver run a red light.", "en", "Witnesses who spoke to the Courier", "other")]
    public void Groups_posts_and_anonymous_subjects_are_claimants_without_their_quantifier(string text, string language, string name, string kind)
    {
        var claimant = Assert.Single(Extracted.From(text, language).Candidates, c => c.Claimant is not null).Claimant!;

        Assert.Equal((name, kind), (claimant.Name, claimant.Kind));
    }

    [Theory]
    [InlineData("Wali Kota Bogor Dedi Kusuma membantah tuduhan itu.", "id", "Dedi Kusuma", "Wali Kota Bogor")]
    [InlineData("Kepala Dinas Pendidikan Jawa Timur menyatakan sekolah tetap dibuka.", "id", "Kepala Dinas Pendidikan Jawa Timur", null)]
    [InlineData("Direktur Jenderal Pajak Kementerian Keuangan menyebut penerimaan pajak turun.", "id", "Direktur Jenderal Pajak Kementerian Keuangan", null)]
    [InlineData("Camat Kenjeran, Hendra Wijaya, menampik klaim tersebut.", "id", "Hendra Wijaya", "Camat Kenjeran")]
    [InlineData("Kiai Haji Abdul Rahman menegaskan fatwa itu sudah lama berlaku.", "id", "Abdul Rahman", null)]
    [InlineData("Direktur Reserse Kriminal Umum Polda Riau Komisaris Besar Polisi Teguh Santoso mengatakan kasus itu masih diselidiki.", "id", "Teguh Santoso", "Direktur Reserse Kriminal Umum Polda Riau Komisaris Besar Polisi")]
    [InlineData("The finance minister told parliament that growth had slowed.", "en", "Finance minister", null)]
    [InlineData("A council spokeswoman denied the claim.", "en", "Council spokeswoman", null)]
    [InlineData("The council's member for housing, Cllr Janet Okoro, told a meeting the waiting list had grown.", "en", "Janet Okoro", "council's member for housing")]
    [InlineData("A nurse at St Mary's Hospital, who asked not to be named, said staff were exhausted.", "en", "Nurse at St Mary's Hospital", null)]
    [InlineData("Dr. Priya Raman, a virologist at Kingsgate University, said the variant spread faster.", "en", "Priya Raman", "virologist at Kingsgate University")]
    public void Titles_offices_and_places_stay_with_the_office_and_leave_a_personal_name_alone(string text, string language, string name, string? affiliation)
    {
        var claimant = Extracted.From(text, language).Candidates[0].Claimant!;

        Assert.Equal((name, "person", affiliation), (claimant.Name, claimant.Kind, claimant.Affiliation));
    }

    [Theory]
    [InlineData("Anggota Komisi IX DPR, Lestari Wulandari, menilai program itu terlambat.", "id")]
    [InlineData("Anggota DPR itu mengatakan anggaran belum cair.", "id")]
    [InlineData("A member of parliament said the budget had not been released.", "en")]
    public void A_member_of_parliament_is_a_person(string text, string language)
    {
        Assert.Equal("person", Extracted.From(text, language).Candidates[0].Claimant?.Kind);
    }

    [Fact]
    public void An_acronym_spelled_out_earlier_stands_for_the_full_name()
    {
        var extraction = Extracted.From("Badan Narkotika Nasional (BNN) Provinsi Riau menyebut 40 kilogram sabu disita di Dumai. BNN juga menyatakan tiga kurir ditangkap.");

        Assert.All(extraction.Candidates, c => Assert.Equal("Badan Narkotika Nasional Provinsi Riau", c.Claimant?.Name));
    }

    [Fact]
    public void They_and_mereka_are_the_group_that_spoke_last_not_the_last_person()
    {
        var extraction = Extracted.From("Paguyuban pedagang mengklaim omzet turun separuh. Ketua paguyuban, Budi Hartono, mengatakan sepi pembeli. Mereka juga menuding pengelola pasar lalai.");

        Assert.Equal("Paguyuban pedagang", extraction.Containing("Mereka juga").Claimant?.Name);
    }

    [Fact]
    public void A_sentence_naming_its_speaker_afterwards_gives_the_sentence_before_its_speaker_and_date()
    {
        var extraction = Extracted.From("Sebanyak 120 kasus demam berdarah ditemukan di Kota Kupang sejak awal tahun. Hal itu disampaikan Kepala Dinas Kesehatan Kota Kupang dalam jumpa pers, Selasa (20/10/2020).");

        var cases = extraction.Containing("120 kasus");
        Assert.Equal("Kepala Dinas Kesehatan Kota Kupang", cases.Claimant?.Name);
        Assert.Equal(new DateOnly(2020, 10, 20), cases.Date?.Value);
    }

    [Fact]
    public void The_party_and_the_statement_are_the_organisation_that_spoke()
    {
        var extraction = Extracted.From("The Green Future Party said on Monday that 3,000 of its members had been turned away. The party also said its observers were blocked. The statement said the vote should be rerun.", "en");

        Assert.All(extraction.Candidates, c => Assert.Equal("Green Future Party", c.Claimant?.Name));
    }

    [Theory]
    [InlineData("Hal serupa disampaikan Kepala Dinas Sosial Kota Bandung, Yorisa Sativa, yang menyebut 2.300 keluarga belum menerima bantuan.", "id", "Yorisa Sativa")]
    [InlineData("Kapolsek Tanah Abang Kompol Haris Akhmat Basuki saat dikonfirmasi mengatakan 4 orang diamankan.", "id", "Haris Akhmat Basuki")]
    [InlineData("Dirut PT Transjakarta, Welfizon Yuza, ketika dihubungi menyatakan 150 bus baru akan beroperasi.", "id", "Welfizon Yuza")]
    [InlineData("Warga Desa Sukamaju, Kecamatan Cibungbulang, mengeluhkan jalan rusak sepanjang 3 kilometer.", "id", "Warga Desa Sukamaju")]
    [InlineData("\"Kami mencatat 89 kasus baru,\" kata Kepala Dinas Kesehatan Kota Surabaya Nanik Sukristina, Senin (19/10).", "id", "Nanik Sukristina")]
    [InlineData("Ketua RT 05 Suparman mengatakan sedikitnya 40 kepala keluarga belum menerima bantuan.", "id", "Suparman")]
    [InlineData("Sementara itu, keluarga korban menilai polisi lamban, ungkap Dedi, kakak salah satu korban.", "id", "Dedi")]
    [InlineData("When asked about the delay, the minister said the contract had been signed in March.", "en", "Minister")]
    [InlineData("Officials in Kerala said 37 people had died after the landslides.", "en", "Officials in Kerala")]
    [InlineData("The figures, released by the Bureau of Statistics on Friday, show 2.1 million people are unemployed.", "en", "Bureau of Statistics")]
    [InlineData("Residents of the Riverside estate, many of whom have lived there for decades, say their water smells of chemicals.", "en", "Residents of the Riverside estate")]
    [InlineData("Britain's biggest water company was accused of dumping sewage, a charge the firm denied.", "en", "Firm")]
    public void Speakers_are_found_past_time_clauses_areas_descriptions_and_trailing_attributions(string text, string language, string name)
    {
        Assert.Equal(name, Extracted.From(text, language).Candidates[0].Claimant?.Name);
    }
}
