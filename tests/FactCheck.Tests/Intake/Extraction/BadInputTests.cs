using System.Text;
using FactCheck.Web.Features.Intake.Extraction;

namespace FactCheck.Tests.Intake.Extraction;

/// Text the rules cannot or need not read gives no candidates and says why (ExtractionNotice), never an error.
/// Speed on 100,000 characters is measured by the benchmark's intake scenario, not here.
public sealed class BadInputTests
{
    [Theory]
    [InlineData("id", "Sejak siang, jalan setapak menuju mata air dipadati warga yang membawa handuk. Anak-anak berlarian di antara pancuran bambu. Menjelang sore, aroma gorengan mulai tercium.")]
    [InlineData("en", "The sun had barely cleared the rooftops when the first runners gathered by the bandstand. Some wore club vests; others had pulled on whatever was nearest the door.")]
    public void An_article_without_a_check_worthy_claim_gives_none_and_says_so(string language, string text)
    {
        var extraction = Extracted.From(text, language);

        Assert.Empty(extraction.Candidates);
        Assert.Equal("no-claims", extraction.Notice?.Code);
    }

    [Fact]
    public void One_sentence_of_5000_words_is_not_read_as_a_claim_and_the_notice_says_why()
    {
        var words = new StringBuilder();
        for (var i = 0; i < 5_000; i++)
        {
            words.Append(i % 7 == 0 ? "menurut polisi 5.000 orang tewas " : "dan ");
        }

        var extraction = Extracted.From(words.ToString());

        Assert.Single(extraction.Sentences);
        Assert.Empty(extraction.Candidates);
        Assert.Equal("long-sentences", extraction.Notice?.Code);
        Assert.Contains("1,500", extraction.Notice!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Le ministre de l'Intérieur a déclaré lundi que cinq mille personnes avaient été évacuées de la région, selon un communiqué publié par la préfecture.")]
    [InlineData("Der Innenminister sagte am Montag, dass fünftausend Menschen aus der Region evakuiert worden seien, wie die Behörde in einer Mitteilung erklärte.")]
    [InlineData("Sinabi ng kalihim noong Lunes na limang libong tao ang inilikas mula sa rehiyon, ayon sa pahayag ng tanggapan ng lalawigan kahapon.")]
    public void Text_in_a_third_language_gives_no_candidates_and_says_which_languages_are_read(string text)
    {
        foreach (var language in new[] { "id", "en", null })
        {
            var extraction = Extracted.From(text, language);

            Assert.Empty(extraction.Candidates);
            Assert.Equal("language", extraction.Notice?.Code);
            Assert.Contains("Indonesian or English", extraction.Notice!.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Президент заявил в понедельник, что пять тысяч человек были эвакуированы из региона, сообщило министерство.")]
    [InlineData("總統週一表示，已有五千人從該地區撤離，內政部在聲明中說。")]
    [InlineData("Рrеsidеn Jоkоwi mеngаtаkаn bаhwа 5.000 оrаng tеlаh dіеvаkuаsі, kata pejabat setempat kepada wartawan.")]
    public void Another_script_or_words_mixing_scripts_give_no_candidates_and_say_so(string text)
    {
        var extraction = Extracted.From(text);

        Assert.Empty(extraction.Candidates);
        Assert.Equal("script", extraction.Notice?.Code);
    }

    [Fact]
    public void A_few_foreign_words_in_a_readable_article_do_not_stop_it()
    {
        var extraction = Extracted.From("Presiden Rusia Vladimir Putin (Владимир Путин) menduga konflik itu telah menewaskan 5.000 orang.");

        Assert.Null(extraction.Notice);
        Assert.Equal("Vladimir Putin", Assert.Single(extraction.Candidates).Claimant?.Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    public void Empty_text_gives_no_candidates_and_says_it_is_empty(string text)
    {
        Assert.Equal("empty", Extracted.From(text).Notice?.Code);
    }
}
