using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace FactCheck.Web.Features.Tips;

public static class TipRules
{
    public const int MaxTextLength = 5000;
    public const int MaxUrlLength = 2000;
    public const int MaxContactLength = 200;
    public const int MaxWhereSeenLength = 200;
    public const int MaxLanguageLength = 60;
    public const int MaxReasonLength = 500;

    /// Longest link to the claim intake form: Kestrel refuses request lines over 8 KB.
    public const int MaxIntakeLinkLength = 6000;

    public const string New = "new";
    public const string Converted = Claims.TipConversion.Converted;
    public const string Dismissed = "dismissed";

    public static readonly IReadOnlyList<string> Statuses = [New, Converted, Dismissed];

    /// One sender: an IPv4 address or an IPv6 /64, as every rate limit counts clients.
    public static string ClientNetwork(IPAddress? address) => Infrastructure.ClientNetwork.Of(address);

    /// SHA-256 of the database's salt and the sender's network, as hex; null when the address is unknown.
    public static string? ClientHash(byte[] salt, string? clientAddress)
    {
        if (!IPAddress.TryParse(clientAddress, out var address))
        {
            return null;
        }

        var network = Encoding.UTF8.GetBytes(ClientNetwork(address));
        return Convert.ToHexStringLower(SHA256.HashData([.. salt, .. network]));
    }

    /// The intake form's address with the tip's text and link filled in. A long tip in a non-Latin script encodes to
    /// several times its length, so the text is shortened to keep the link loadable; the form also gets the tip's id.
    public static string ClaimIntakeLink(long tipId, string text, string? url)
    {
        string Build(string t) =>
            $"/claims/new?text={Uri.EscapeDataString(t)}"
            + (string.IsNullOrEmpty(url) ? "" : $"&url={Uri.EscapeDataString(url)}")
            + $"&tip={tipId}";

        var link = Build(text);
        if (link.Length <= MaxIntakeLinkLength)
        {
            return link;
        }

        var (low, high) = (0, text.Length);
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (Build(Prefix(text, mid) + "…").Length <= MaxIntakeLinkLength) low = mid; else high = mid - 1;
        }

        return Build(Prefix(text, low) + "…");
    }

    /// Only absolute http(s) links are kept or shown as links: no javascript:, data: or relative URLs.
    public static bool IsHttpUrl(string? value) => Claims.ClaimRules.IsHttpUrl(value);

    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// A link as readers paste it: "www.kompas.com/…" gets https:// in front; anything that names its own scheme
    /// ("javascript:…", "ftp://…") is left as it is, for IsHttpUrl to refuse.
    public static string? WebAddress(string? value)
    {
        var text = Clean(value);
        if (text is null || Uri.TryCreate(text, UriKind.Absolute, out _) || text.StartsWith('/') || text.Any(char.IsWhiteSpace))
        {
            return text;
        }

        var withScheme = "https://" + text;
        return Uri.TryCreate(withScheme, UriKind.Absolute, out var uri) && uri.Host.Contains('.') ? withScheme : text;
    }

    private static string Prefix(string text, int length) =>
        length > 0 && length < text.Length && char.IsHighSurrogate(text[length - 1]) ? text[..(length - 1)] : text[..length];
}
