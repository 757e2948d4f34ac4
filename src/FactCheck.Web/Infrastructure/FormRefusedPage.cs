using System.Net;
using Microsoft.AspNetCore.Antiforgery;

namespace FactCheck.Web.Infrastructure;

/// What a person sees when a form post is refused before any page handles it: its antiforgery token expired (the
/// page stayed open past a key rotation or a restart), it came from another site, or the framework could not read
/// its fields (a NUL character, say). The framework would answer those with an empty 400; this middleware, right
/// after the antiforgery check, answers instead with a page that says what happened and what to do, in both of the
/// site's languages. Nothing was saved.
public sealed class FormRefusedPage(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // (Reading HasFormContentType here would throw: the form feature refuses to be touched once the check failed.)
        if (context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false } && !context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await WriteAsync(context);
            return;
        }

        await next(context);
    }

    private static async Task WriteAsync(HttpContext context)
    {
        var back = context.Request.Path.HasValue ? WebUtility.HtmlEncode(context.Request.Path.Value) : "/";
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>The form could not be sent · FactCheck</title><link rel="stylesheet" href="/css/public.css"></head>
            <body>
            <main data-testid="form-refused" class="card" style="max-width: 40rem; margin: 2rem auto;">
            <h1>The form could not be sent</h1>
            <p>Nothing was saved. The page may have been open too long, or the form held characters that cannot be read.
            <a href="{back}">Open the page again</a>, fill in the form and send it once more.</p>
            <p lang="id">Formulir tidak dapat dikirim dan tidak ada yang disimpan. <a href="{back}">Buka halaman ini lagi</a>, isi formulirnya, lalu kirim sekali lagi.</p>
            </main>
            </body>
            </html>
            """);
    }
}
