using System.Net;
using System.Net.Sockets;
using FactCheck.Web.Features.Claims;
using FactCheck.Web.Infrastructure.Pipeline;
using Microsoft.AspNetCore.WebUtilities;

namespace FactCheck.Web.Features.Intake;

/// FactCheck:Intake:Fetch. AllowPrivateAddresses is for tests and desks that fetch from their own intranet.
public sealed class ArticleFetchOptions
{
    public const string Section = "FactCheck:Intake:Fetch";

    public bool AllowPrivateAddresses { get; set; }

    public int TimeoutSeconds { get; set; } = 10;
}

/// A page as downloaded: its final address, media type, declared charset and at most MaxBytes of body.
public sealed record DownloadedPage(Uri Url, string MediaType, string? Charset, byte[] Body);

/// Downloads a page on a staff member's behalf without letting the address reach into our own network (SSRF): only
/// http(s), no userinfo, every redirect followed by hand and re-checked, and the address checked where the socket is
/// opened, so a name that resolves to a public address first and a private one later (DNS rebinding) is still refused.
public static class PageDownload
{
    public const string ClientName = "article-fetch";
    public const int MaxRedirects = 5;
    public const int MaxBytes = 2 * 1024 * 1024;
    public const string PrivateAddress = "FactCheck does not fetch from private or local network addresses.";
    public const string NotHttp = "Give the article's address as an http:// or https:// link (up to 2,000 characters, no user name or password).";

    private static readonly string[] ReadableTypes = ["text/html", "application/xhtml+xml", "text/plain"];

    /// isAllowed decides each resolved address: IsPublic in production, anything when private addresses are allowed.
    public static SocketsHttpHandler Handler(Func<IPAddress, bool> isAllowed) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        // A proxy would make the connection for us, to an address we never checked.
        UseProxy = false,
        AutomaticDecompression = DecompressionMethods.All,
        ConnectCallback = (context, ct) => ConnectAsync(context.DnsEndPoint, isAllowed, ct),
    };

    public static bool IsAcceptableUrl(string? value, out Uri url)
    {
        url = null!;
        var text = value?.Trim() ?? "";
        if (text.Length is 0 or > 2000 || !ClaimRules.IsHttpUrl(text) || !Uri.TryCreate(text, UriKind.Absolute, out var parsed) || parsed.UserInfo.Length > 0)
        {
            return false;
        }

        url = parsed;
        return true;
    }

    /// Global unicast only. IPv4: not loopback, private, link-local, unspecified, multicast, CGNAT, benchmarking
    /// (198.18/15), IETF protocol (192.0.0/24), documentation or reserved. IPv6: inside 2000::/3 (so no ::, ::1, NAT64
    /// 64:ff9b::/96, fc00::/7, fe80::/10 or multicast), not a tunnel into IPv4 (6to4 2002::/16, Teredo 2001::/32), not
    /// documentation or benchmarking, and not carrying a private IPv4 address where NAT64 (RFC 6052, /96 and /64 prefixes)
    /// or ISATAP put one. IPv4-mapped addresses are judged as the IPv4 address.
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(IsPrivateIpv4(b)
                || b[0] is 0 or >= 224
                || (b[0] == 192 && b[1] == 0 && b[2] is 0 or 2)
                || (b[0] == 192 && b[1] == 88 && b[2] == 99)
                || (b[0] == 198 && b[1] == 51 && b[2] == 100)
                || (b[0] == 203 && b[1] == 0 && b[2] == 113));
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        var v6 = address.GetAddressBytes();
        if ((v6[0] & 0xE0) != 0x20
            || (v6[0] == 0x20 && v6[1] == 0x02)
            || (v6[0] == 0x20 && v6[1] == 0x01 && v6[2] == 0x00 && (v6[3] == 0x00 || (v6[3] == 0x02 && v6[4] == 0 && v6[5] == 0)))
            || (v6[0] == 0x20 && v6[1] == 0x01 && v6[2] == 0x0d && v6[3] == 0xb8))
        {
            return false;
        }

        // RFC 6052 keeps bits 64-71 zero; ISATAP marks its interface id with 5efe.
        var nat64 = v6[8] == 0 && (IsPrivateIpv4(v6.AsSpan(12, 4)) || IsPrivateIpv4(v6.AsSpan(9, 4)));
        var isatap = v6[8] is 0x00 or 0x02 && v6[9] == 0 && v6[10] == 0x5e && v6[11] == 0xfe && IsPrivateIpv4(v6.AsSpan(12, 4));
        return !(nat64 || isatap);
    }

    /// Addresses inside someone's own network: loopback, RFC 1918, link-local, CGNAT, benchmarking, IETF protocol.
    private static bool IsPrivateIpv4(ReadOnlySpan<byte> b) =>
        b[0] is 10 or 127
        || (b[0] == 100 && (b[1] & 0xC0) == 64)
        || (b[0] == 169 && b[1] == 254)
        || (b[0] == 172 && (b[1] & 0xF0) == 16)
        || (b[0] == 192 && b[1] == 168)
        || (b[0] == 198 && (b[1] & 0xFE) == 18)
        || (b[0] == 192 && b[1] == 0 && b[2] == 0);

    /// Follows up to MaxRedirects redirects and reads the body as a stream, refusing at MaxBytes + 1.
    public static async Task<DownloadedPage> DownloadAsync(HttpClient client, Uri url, CancellationToken ct)
    {
        for (var redirects = 0; ; redirects++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.TryAddWithoutValidation("User-Agent", "FactCheck article intake");
            request.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9");
            using var response = await SendAsync(client, request, ct);
            var status = (int)response.StatusCode;
            if (status is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                if (redirects == MaxRedirects)
                {
                    throw Refuse($"The page redirected more than {MaxRedirects} times; fetch the final address instead.");
                }

                var target = location.IsAbsoluteUri ? location : new Uri(url, location);
                url = IsAcceptableUrl(target.AbsoluteUri, out var next) ? next : throw Refuse($"The page redirected to {Shorten(target.OriginalString)}, which is not an http:// or https:// link FactCheck fetches.");
                continue;
            }

            if (status is < 200 or >= 300)
            {
                throw Refuse($"The page answered {status} {ReasonPhrases.GetReasonPhrase(status)}.".Replace(" .", ".", StringComparison.Ordinal));
            }

            var mediaType = response.Content.Headers.ContentType?.MediaType?.ToLowerInvariant();
            if (mediaType is null || !ReadableTypes.Contains(mediaType))
            {
                throw Refuse($"The address is {(mediaType is null ? "of no declared type" : mediaType)}, not a web page; FactCheck reads HTML and plain-text pages. Paste the text instead.");
            }

            if (response.Content.Headers.ContentLength > MaxBytes)
            {
                throw TooLarge();
            }

            return new DownloadedPage(url, mediaType, response.Content.Headers.ContentType?.CharSet, await ReadCappedAsync(response.Content, ct));
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request, CancellationToken ct)
    {
        try
        {
            return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        }
        catch (HttpRequestException ex) when (Find<AddressNotAllowedException>(ex) is not null)
        {
            throw Refuse(PrivateAddress);
        }
        catch (HttpRequestException ex)
        {
            throw Refuse($"Could not connect to {request.RequestUri!.Host}: {Find<SocketException>(ex)?.Message ?? ex.Message}");
        }
    }

    private static T? Find<T>(Exception? ex)
        where T : Exception
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is T found)
            {
                return found;
            }
        }

        return null;
    }

    public static ValidationFailedException Refuse(string message) => ValidationFailedException.For(nameof(FetchArticle.Url), message);

    private static ValidationFailedException TooLarge() => Refuse("The page is larger than 2 MB; FactCheck does not read it. Paste the article's text instead.");

    private static async Task<byte[]> ReadCappedAsync(HttpContent content, CancellationToken ct)
    {
        await using var stream = await content.ReadAsStreamAsync(ct);
        using var body = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(buffer, ct)) > 0)
        {
            if (body.Length + read > MaxBytes)
            {
                throw TooLarge();
            }

            body.Write(buffer, 0, read);
        }

        return body.ToArray();
    }

    private static async ValueTask<Stream> ConnectAsync(DnsEndPoint endPoint, Func<IPAddress, bool> isAllowed, CancellationToken ct)
    {
        var addresses = IPAddress.TryParse(endPoint.Host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endPoint.Host, ct);
        // Every address the name has must be public: a name that also points inside is refused outright.
        if (addresses.Length == 0 || !addresses.All(isAllowed))
        {
            throw new AddressNotAllowedException();
        }

        Exception? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endPoint.Port), ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (Exception ex)
            {
                socket.Dispose();
                if (ex is not SocketException)
                {
                    throw;
                }

                last = ex;
            }
        }

        throw last ?? new SocketException((int)SocketError.HostNotFound);
    }

    private static string Shorten(string value) => value.Length > 80 ? value[..80] + "…" : value;
}

/// Thrown where the socket would be opened; the handler turns it into PageDownload.PrivateAddress.
public sealed class AddressNotAllowedException() : Exception(PageDownload.PrivateAddress);
