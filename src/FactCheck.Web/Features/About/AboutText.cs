namespace FactCheck.Web.Features.About;

/// Names the strings of the methodology and corrections-policy pages (AboutText.resx, AboutText.id.resx).
public sealed class AboutText;

/// A translated sentence with one link in it: "{0}" marks where the link goes, so each language places it itself.
public static class LinkedSentence
{
    public static string Before(string sentence) => sentence.Split("{0}", 2)[0];

    public static string After(string sentence) => sentence.Split("{0}", 2) is [_, var after] ? after : "";
}
