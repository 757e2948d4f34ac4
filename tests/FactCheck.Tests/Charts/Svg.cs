using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace FactCheck.Tests.Charts;

/// Reads numbers back out of the charts' markup.
internal static partial class Svg
{
    public static double Number(IElement element, string attribute) =>
        double.Parse(element.GetAttribute(attribute) ?? throw new InvalidOperationException($"no {attribute} on {element.OuterHtml}"), CultureInfo.InvariantCulture);

    /// Text as a person reads it: runs of white space as one space.
    public static string Text(IElement element) => Spaces().Replace(element.TextContent, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
