using System.Net;

namespace FactCheck.Benchmarks;

/// Production serves FactCheck over HTTPS only (Secure cookies, plain HTTP redirected). The scenarios talk plain HTTP
/// to the app on 127.0.0.1 as a TLS-terminating proxy on the same machine would: the app names 127.0.0.1 as its proxy,
/// every request says X-Forwarded-Proto: https, and the client keeps the Secure cookies as a browser on HTTPS would.
public static class TlsProxy
{
    public const string PublicUrl = "https://factcheck.bench";

    /// Settings for an app in a process of its own.
    public static readonly string[] AppSettings = [$"--FactCheck:PublicUrl={PublicUrl}", "--FactCheck:ReverseProxy:KnownProxies=127.0.0.1"];

    public const string Header = "X-Forwarded-Proto";

    public static HttpClient Via(HttpClient client)
    {
        client.DefaultRequestHeaders.Add(Header, "https");
        return client;
    }

    /// Sends the Secure cookies over the plain connection too (the browser sits behind the proxy's HTTPS).
    public static void KeepSecureCookies(CookieContainer cookies)
    {
        foreach (var cookie in cookies.GetAllCookies().Where(c => c.Secure).ToList())
        {
            cookies.Add(new Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain) { HttpOnly = cookie.HttpOnly, Expires = cookie.Expires });
        }
    }
}
