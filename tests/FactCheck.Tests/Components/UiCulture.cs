using System.Globalization;

namespace FactCheck.Tests.Components;

/// Runs a bUnit test in a staff language, as a circuit of a person who chose it does, and puts the thread's culture
/// back afterwards: "id" is Bahasa Indonesia (id-ID), "en" English (en-GB).
public sealed class UiCulture : IDisposable
{
    private readonly CultureInfo culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo uiCulture = CultureInfo.CurrentUICulture;

    public UiCulture(string language)
    {
        var chosen = CultureInfo.GetCultureInfo(language == "id" ? "id-ID" : "en-GB");
        CultureInfo.CurrentCulture = chosen;
        CultureInfo.CurrentUICulture = chosen;
    }

    public void Dispose()
    {
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = uiCulture;
    }
}
