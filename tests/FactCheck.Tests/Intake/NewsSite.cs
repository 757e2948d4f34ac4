using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FactCheck.Tests.Intake;

/// A tiny news site on 127.0.0.1 for the fetch tests: the seed article inside a real page's chrome, redirects, errors.
public sealed class NewsSite : IAsyncLifetime
{
    public const string Title = "Perang Nagorno-Karabakh: Putin sebut 5.000 orang tewas";
    public const string Outlet = "Contoh Berita";
    public const string NavJunk = "Beranda Politik Ekonomi Olahraga";
    public const string FooterJunk = "Hak cipta 2020 Contoh Berita. Semua hak dilindungi.";

    private WebApplication app = default!;
    private int requests;

    public string BaseUrl { get; private set; } = "";

    public int Port { get; private set; }

    /// Requests the site has answered so far (the private-address tests check none arrived).
    public int Requests => Volatile.Read(ref requests);

    public string Url(string path) => BaseUrl + path;

    public static string ArticlePage() =>
        $$"""
        <!DOCTYPE html>
        <html lang="id">
        <head>
          <meta charset="utf-8">
          <title>{{Title}} | {{Outlet}}</title>
          <meta property="og:title" content="{{Title}}">
          <meta property="og:site_name" content="{{Outlet}}">
          <meta property="article:published_time" content="2020-10-24T09:30:00+07:00">
          <meta name="viewport" content="width=device-width, initial-scale=1">
        </head>
        <body>
          <header class="site-header"><a href="/">{{Outlet}}</a>
            <nav class="menu"><ul><li><a href="/">Beranda</a></li><li><a href="/politik">Politik</a></li><li><a href="/ekonomi">Ekonomi</a></li><li><a href="/olahraga">Olahraga</a></li></ul></nav>
          </header>
          <div class="share-bar"><a href="#">Bagikan ke Facebook</a> <a href="#">Bagikan ke Twitter</a></div>
          <main>
            <article class="post">
              <h1>{{Title}}</h1>
              <p class="byline">Oleh Redaksi · 24 Oktober 2020</p>
              <div class="post-body">
        {{string.Join("\n", SeedArticle.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => $"        <p>{WebUtility.HtmlEncode(p)}</p>"))}}
              </div>
            </article>
            <aside class="related"><h3>Berita terkait</h3><ul><li><a href="/a">Harga cabai naik</a></li><li><a href="/b">Timnas menang 2-0</a></li></ul></aside>
          </main>
          <footer class="site-footer"><p>{{FooterJunk}}</p><a href="/tentang">Tentang kami</a> · <a href="/kontak">Kontak</a></footer>
        </body>
        </html>
        """;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.Use((context, next) =>
        {
            Interlocked.Increment(ref requests);
            return next(context);
        });
        app.MapGet("/berita/nagorno-karabakh", () => Results.Content(ArticlePage(), "text/html; charset=utf-8"));
        app.MapGet("/plain.txt", () => Results.Text("Baris pertama.\r\n\r\n\r\nBaris kedua.\r\n", "text/plain; charset=utf-8"));
        app.MapGet("/go/{n:int}", (int n) => n == 0 ? Results.Redirect("/berita/nagorno-karabakh", permanent: true) : Results.Redirect($"/go/{n - 1}"));
        app.MapGet("/missing", () => Results.NotFound());
        app.MapGet("/huge", async (HttpContext context) =>
        {
            // Chunked, with no Content-Length: the reader has to stop by counting.
            context.Response.ContentType = "text/html; charset=utf-8";
            var chunk = Encoding.UTF8.GetBytes("<p>" + new string('x', 1020) + "</p>");
            for (var i = 0; i < 3 * 1024; i++)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
            }
        });
        app.MapGet("/report.pdf", () => Results.Bytes("%PDF-1.7\n%\u00e2\u00e3\n"u8.ToArray(), "application/pdf"));
        app.MapGet("/empty", () => Results.Content(
            $"<!DOCTYPE html><html lang=\"id\"><head><title>Beranda</title></head><body><nav>{NavJunk}</nav><footer>{FooterJunk}</footer></body></html>", "text/html"));
        app.MapGet("/slow", async (HttpContext context) =>
        {
            // Never answers: the fetch has to give up by itself, and its giving up ends this request.
            var aborted = new TaskCompletionSource();
            using var registration = context.RequestAborted.Register(() => aborted.TrySetResult());
            await aborted.Task;
        });
        app.MapGet("/to-private", () => Results.Redirect("http://10.0.0.1/admin"));
        app.MapGet("/to-file", () => Results.Redirect("file:///etc/passwd"));
        await app.StartAsync();
        BaseUrl = app.Urls.Single().TrimEnd('/');
        Port = new Uri(BaseUrl).Port;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();
}
