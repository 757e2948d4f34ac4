using System.ComponentModel.DataAnnotations;
using System.Globalization;
using FactCheck.Web.Components;
using Mediator;

namespace FactCheck.Tests.Components;

/// Commands write their messages in English (the API's problem details keep them); the staff UI shows them in the
/// person's language through the feature resources.
public sealed class StaffMessagesTests
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    /// The features whose forms are on the fact-checker's path (and the account pages); each of their rules' messages
    /// must have an Indonesian version, or an Indonesian checker would read English under a field.
    public static readonly string[] TranslatedAreas = ["Accounts", "Claims", "Intake"];

    private static T In<T>(CultureInfo culture, Func<T> read)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    public static IEnumerable<(string Message, string Rule)> RuleMessages() =>
        typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IMessage).IsAssignableFrom(t) && TranslatedAreas.Any(a => t.Namespace == $"FactCheck.Web.Features.{a}"))
            .SelectMany(t => t.GetProperties().SelectMany(p => p.GetCustomAttributes(typeof(ValidationAttribute), true).Cast<ValidationAttribute>()
                .Where(a => a.ErrorMessage is not null)
                .Select(a => (a.FormatErrorMessage(p.Name), $"{t.Name}.{p.Name} {a.GetType().Name}"))));

    [Fact]
    public void Every_rule_on_the_fact_checkers_forms_reads_in_indonesian()
    {
        var rules = RuleMessages().ToList();
        Assert.True(rules.Count > 20, $"only {rules.Count} rules found");

        var untranslated = rules.Where(r => In(Indonesian, () => StaffMessages.Localise(r.Message)) == r.Message).Select(r => $"{r.Rule}: {r.Message}").ToList();

        Assert.Empty(untranslated);
    }

    [Theory]
    [InlineData("Claim #12 changed while your edit was being saved. Reload it and save again.", "Klaim #12 berubah saat suntingan Anda disimpan. Muat ulang lalu simpan lagi.")]
    [InlineData("Keep rating words such as 'hoaks' out of the title: it names the claim, the verdict rates it.", "Jangan pakai kata penilaian seperti 'hoaks' di judul: judul menamai klaim, putusanlah yang menilainya.")]
    [InlineData("Only an editor can edit claim #5: it is in review, and readers' pages change only through an editor.", "Hanya redaktur yang dapat menyunting klaim #5: klaim ini dalam peninjauan, dan halaman pembaca hanya berubah lewat redaktur.")]
    [InlineData("Enter the claim as it was said.", "Masukkan klaim persis seperti yang dikatakan.")]
    public void A_message_keeps_its_values_in_the_translation(string english, string indonesian)
    {
        Assert.Equal(indonesian, In(Indonesian, () => StaffMessages.Localise(english)));
    }

    [Fact]
    public void English_readers_and_unknown_messages_get_the_text_as_written()
    {
        Assert.Equal("Enter the claim as it was said.", In(CultureInfo.GetCultureInfo("en-GB"), () => StaffMessages.Localise("Enter the claim as it was said.")));
        Assert.Equal("Something nobody listed.", In(Indonesian, () => StaffMessages.Localise("Something nobody listed.")));
    }
}
