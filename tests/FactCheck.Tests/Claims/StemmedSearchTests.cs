using FactCheck.Web.Features.Claims;
using FactCheck.Web.Features.Home;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Tests.Claims;

/// Search through stems (issue 22): claim search, the public home search and the similar-claim lookup find a word
/// in its other forms, Indonesian and English, through the real index. Each test makes claims with a word of its own.
[Collection(SharedAppCollection.Name)]
public sealed class StemmedSearchTests(SharedApp shared)
{
    private TestApp App => shared.App;

    private static string UniqueWord() => "zq" + Guid.NewGuid().ToString("N")[..10];

    private async Task<long> SubmitAsync(string text, string language = "id", string? translation = null) =>
        (await App.SendAsync(
            new SubmitClaim
            {
                Title = "Stem test " + Guid.NewGuid().ToString("N")[..8],
                Text = text,
                Language = language,
                TranslationEn = translation,
                ClaimantName = "Juru bicara stem",
                ClaimantKind = "person",
                Kind = "statement",
            },
            await App.ActorAsync("editor"))).Id;

    private async Task<IEnumerable<long>> FoundAsync(string q) =>
        (await App.QueryAsync(new SearchClaims { Q = q }, await App.ActorAsync("checker"))).Items.Select(h => h.Id).Order();

    [Fact]
    public async Task Serangan_finds_menyerang_and_diserang_and_not_other_words()
    {
        var word = UniqueWord();
        var attacked = await SubmitAsync($"Pasukan {word} menyerang gedung-gedung di kota.");
        var wasAttacked = await SubmitAsync($"Kota itu diserang pasukan {word} semalam.");
        var attack = await SubmitAsync($"Serangan pasukan {word} berlanjut.");
        await SubmitAsync($"Pasukan {word} membantah laporan itu.");

        Assert.Equal(new[] { attacked, wasAttacked, attack }.Order(), await FoundAsync($"serangan {word}"));
        Assert.Equal(new[] { attacked, wasAttacked, attack }.Order(), await FoundAsync($"{word} menyerang"));
        Assert.Equal(new[] { attacked, wasAttacked, attack }.Order(), await FoundAsync($"penyerangan {word}"));
    }

    [Fact]
    public async Task Membantah_finds_bantahan_and_the_other_way_round()
    {
        var word = UniqueWord();
        var denial = await SubmitAsync($"Bantahan pemerintah {word} datang sehari kemudian.");
        var denies = await SubmitAsync($"Pemerintah {word} membantah tuduhan itu.");
        var denied = await SubmitAsync($"Tuduhan itu dibantah pemerintah {word}.");

        Assert.Equal(new[] { denial, denies, denied }.Order(), await FoundAsync($"membantah {word}"));
        Assert.Equal(new[] { denial, denies, denied }.Order(), await FoundAsync($"bantahan {word}"));
    }

    [Fact]
    public async Task A_nasal_prefix_that_replaced_the_first_letter_of_the_root_still_finds_the_root()
    {
        // Lucene's stemmer alone reads "menuduh" as "uduh" and "menembaki" as "embak"; the other readings are ours.
        var word = UniqueWord();
        var accuses = await SubmitAsync($"Armenia menuduh {word} menembaki desa.");
        var accusation = await SubmitAsync($"Tuduhan {word} soal tembakan ke desa.");

        Assert.Equal(new[] { accuses, accusation }.Order(), await FoundAsync($"tuduhan {word}"));
        Assert.Equal(new[] { accuses, accusation }.Order(), await FoundAsync($"{word} menuduh"));
        Assert.Equal(new[] { accuses, accusation }.Order(), await FoundAsync($"{word} penembakan"));
    }

    [Fact]
    public async Task English_runs_finds_running_in_English_claims_and_in_translations_and_not_in_Indonesian_text()
    {
        var word = UniqueWord();
        var english = await SubmitAsync($"The {word} convoy keeps running north.", language: "en");
        var translated = await SubmitAsync($"Konvoi {word} terus bergerak.", translation: $"The {word} convoy runs north.");
        await SubmitAsync($"Konvoi {word} tetap di tempat.");

        Assert.Equal(new[] { english, translated }.Order(), await FoundAsync($"runs {word}"));
        Assert.Equal(new[] { english, translated }.Order(), await FoundAsync($"{word} running"));
    }

    [Fact]
    public async Task Accents_are_ignored_in_stemmed_words_too()
    {
        var word = UniqueWord();
        var id = await SubmitAsync($"Desa Šuša diserang {word}.");

        Assert.Equal([id], await FoundAsync($"susa serangan {word}"));
        Assert.Equal([id], await FoundAsync($"{word} Šuša sérangan"));
    }

    [Fact]
    public async Task The_last_word_is_matched_while_it_is_being_typed()
    {
        var word = UniqueWord();
        var id = await SubmitAsync($"Pasukan {word} menyerang Stepanakert.");

        foreach (var typed in new[] { "meny", "menyer", "menyerang", "ser", "seran", "serangan" })
        {
            Assert.Equal([id], await FoundAsync($"{word} {typed}"));
        }

        Assert.Equal([id], await FoundAsync($"menyerang {word[..6]}"));
        Assert.Empty(await FoundAsync($"{word} menyx"));
    }

    [Fact]
    public async Task The_public_home_search_finds_published_verdicts_through_stems()
    {
        var serangan = await App.QueryAsync(new ListPublishedVerdicts { Q = "serangan" }, Actor.Anonymous);
        var bantahan = await App.QueryAsync(new ListPublishedVerdicts { Q = "bantahan Baku" }, Actor.Anonymous);

        // The demo accusation says "menyerang"; Baku's denial says "dibantah".
        Assert.Equal(["Azerbaijani forces attacked buildings in Stepanakert"], serangan.Verdicts.Items.Select(v => v.Title));
        Assert.Equal(["Baku denies attacking buildings in Stepanakert"], bantahan.Verdicts.Items.Select(v => v.Title));
    }

    [Fact]
    public async Task A_claim_worded_with_other_affixes_is_suggested_as_similar()
    {
        var word = UniqueWord();
        var id = await SubmitAsync($"Pemerintah {word} membantah serangan ke Stepanakert.");

        var similar = await App.QueryAsync(new FindSimilarClaims($"bantahan {word} soal penyerangan Stepanakert"), await App.ActorAsync("checker"));

        // Every word but "soal" is in the claim, in another form.
        Assert.Equal(id, similar[0].Id);
        Assert.InRange(similar[0].Score, 0.6, 0.99);
    }

    [Fact]
    public async Task Claims_without_search_terms_are_analysed_again_at_start_up_and_then_found()
    {
        var word = UniqueWord();
        var missing = await SubmitAsync($"Pasukan {word} menyerang desa.");
        var outdated = await SubmitAsync($"Desa {word} diserang lagi.");
        await App.RowsAsync<long>("DELETE FROM claim_search_terms WHERE claim_id = @missing RETURNING claim_id", new { missing });
        await App.RowsAsync<long>("UPDATE claim_search_terms SET analysis = 0, body = 'x' WHERE claim_id = @outdated RETURNING claim_id", new { outdated });
        Assert.Empty(await FoundAsync($"serangan {word}"));

        var analysed = await App.RequestAsync(new IndexClaimsForSearch(), Actor.System);

        Assert.True(analysed >= 2);
        Assert.Equal(new[] { missing, outdated }.Order(), await FoundAsync($"serangan {word}"));
        Assert.Equal(0, await App.RequestAsync(new IndexClaimsForSearch(), Actor.System));
    }
}
