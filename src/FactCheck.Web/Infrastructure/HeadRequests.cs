using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;

namespace FactCheck.Web.Infrastructure;

/// HEAD is answered as GET without the body (RFC 9110 §9.3.2): same status and headers, so link checkers and preview
/// bots that ask HEAD get what a browser gets, and a HEAD shares the GET's output-cache entry. Runs before routing:
/// most endpoints (every Razor page) are mapped for GET only and would otherwise not match a HEAD at all.
public sealed class HeadRequests(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }

        var body = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        context.Request.Method = HttpMethods.Get;
        context.Features.Set<IHttpResponseBodyFeature>(new DiscardedBody(body));
        try
        {
            await next(context);
        }
        finally
        {
            context.Features.Set(body);
            context.Request.Method = HttpMethods.Head;
        }
    }

    /// Starts and completes the real response (headers, Content-Length) but drops every byte of the body.
    private sealed class DiscardedBody(IHttpResponseBodyFeature inner) : IHttpResponseBodyFeature
    {
        private PipeWriter? writer;

        public Stream Stream => Stream.Null;

        public PipeWriter Writer => writer ??= PipeWriter.Create(Stream.Null);

        public void DisableBuffering() => inner.DisableBuffering();

        public Task StartAsync(CancellationToken cancellationToken = default) => inner.StartAsync(cancellationToken);

        public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) => inner.StartAsync(cancellationToken);

        public Task CompleteAsync() => inner.CompleteAsync();
    }
}
