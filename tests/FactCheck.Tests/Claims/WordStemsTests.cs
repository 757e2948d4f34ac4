using FactCheck.Web.Features.Claims;

namespace FactCheck.Tests.Claims;

/// The readings a word is indexed and looked up under (WordStems): Lucene's stems plus the ones it misses.
public sealed class WordStemsTests
{
    [Theory]
    [InlineData("menyerang", "serang")]
    [InlineData("diserang", "serang")]
    [InlineData("serangan", "serang")]
    [InlineData("membantah", "bantah")]
    [InlineData("bantahan", "bantah")]
    [InlineData("menuduh", "tuduh")]
    [InlineData("memukul", "pukul")]
    [InlineData("mengirim", "kirim")]
    [InlineData("menyatakan", "nyata")]
    [InlineData("tembakan", "tembak")]
    [InlineData("menembaki", "tembak")]
    [InlineData("perebutan", "rebut")]
    [InlineData("dinilai", "nilai")]
    [InlineData("helikopternya", "helikopter")]
    public void An_Indonesian_word_reads_as_its_root(string word, string root) =>
        Assert.Contains(root, WordStems.Indonesian(word));

    [Theory]
    [InlineData("runs", "run")]
    [InlineData("running", "run")]
    [InlineData("shelled", "shell")]
    public void An_English_word_reads_as_its_stem(string word, string stem) =>
        Assert.Equal(stem, WordStems.English(word));

    [Fact]
    public void A_reading_that_is_a_stop_word_a_number_or_a_short_word_is_not_made()
    {
        Assert.DoesNotContain("akan", WordStems.Indonesian("memakan"));
        Assert.Contains("makan", WordStems.Indonesian("memakan"));
        Assert.Empty(WordStems.Indonesian("2020"));
        Assert.Empty(WordStems.Indonesian("di"));
        Assert.Equal(["stepanakert"], WordStems.Readings("stepanakert"));
    }

    [Fact]
    public void The_stemmers_give_the_same_answer_from_every_thread()
    {
        string[] words = ["penyerangan", "membantah", "running", "menuduh"];
        var expected = words.ToDictionary(w => w, WordStems.Readings);

        Parallel.For(0, 4_000, i => Assert.Equal(expected[words[i % 4]], WordStems.Readings(words[i % 4])));
    }
}
