using System.Net;
using System.Text.RegularExpressions;

namespace FactCheck.Tests.Tips;

/// Posts the public /tips form the way a browser does: fetch the page for its antiforgery token, then post.
internal static partial class TipForm
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, IDictionary<string, string> fields, bool withToken = true, string? accept = null, string path = "/tips")
    {
        var page = await client.GetStringAsync(path);
        var form = new Dictionary<string, string>(fields) { ["_handler"] = "tip" };
        if (withToken)
        {
            form["__RequestVerificationToken"] = WebUtility.HtmlDecode(AntiforgeryField().Match(page).Groups[1].Value);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        return await client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string text) =>
        PostAsync(client, new Dictionary<string, string> { ["Input.Text"] = text });

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
