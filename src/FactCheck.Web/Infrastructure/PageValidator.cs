using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace FactCheck.Web.Infrastructure;

/// A public page's strong ETag: a hash of the bytes it renders, so it changes exactly when what a reader sees does
/// (a correction, a linked claim's rating, a new appearance) and is the same on every node rendering the same data.
/// Computed once per render, on an output-cache miss; a hit replays the stored ETag and answers If-None-Match itself,
/// so revalidating a cached page costs no database query and no hashing.
public static class PageValidator
{
    /// Blazor persists component state (an antiforgery token, data-protected, so different at every render) at the
    /// end of each page. Public pages load no script that could read it: it is dropped, which also keeps the bytes,
    /// and so the ETag, the same from one render to the next.
    private static ReadOnlySpan<byte> PersistedStateStart => "<!--Blazor-Server-Component-State:"u8;

    private static ReadOnlySpan<byte> CommentEnd => "-->"u8;

    public static async Task RenderAsync(HttpContext context, RequestDelegate next)
    {
        var original = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        using var buffer = new MemoryStream();
        var buffered = new StreamResponseBodyFeature(buffer);
        context.Features.Set<IHttpResponseBodyFeature>(buffered);
        try
        {
            await next(context);
            await buffered.CompleteAsync();
        }
        finally
        {
            context.Features.Set(original);
        }

        var body = WithoutPersistedState(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
        var response = context.Response;
        if (response.StatusCode == StatusCodes.Status200OK)
        {
            var etag = ETagOf(body.Span);
            response.Headers.ETag = etag.ToString();

            // When the output cache is about to store this render, the full page goes out so it can: every later
            // revalidation is then a 304 from memory. Otherwise (cache off) the render itself answers the condition.
            var stored = context.Features.Get<IOutputCacheFeature>()?.Context.AllowCacheStorage == true;
            if (!stored && Matches(context.Request, etag))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentLength = null;
                response.Headers.ContentType = default;
                return;
            }
        }

        response.ContentLength = body.Length;
        await original.Stream.WriteAsync(body, context.RequestAborted);
    }

    public static EntityTagHeaderValue ETagOf(ReadOnlySpan<byte> body) =>
        new($"\"{Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 16))}\"");

    private static bool Matches(HttpRequest request, EntityTagHeaderValue etag) =>
        EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out var tags)
        && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false));

    private static ReadOnlyMemory<byte> WithoutPersistedState(Memory<byte> body)
    {
        var start = body.Span.IndexOf(PersistedStateStart);
        if (start < 0)
        {
            return body;
        }

        var length = body.Span[start..].IndexOf(CommentEnd);
        if (length < 0)
        {
            return body;
        }

        var end = start + length + CommentEnd.Length;
        body[end..].CopyTo(body[start..]);
        return body[..(body.Length - (end - start))];
    }
}
