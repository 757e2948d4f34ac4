using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FactCheck.Tests.Verdicts;

/// Rendering a public page must not log a warning: with the cache off (or on every cache miss) the antiforgery
/// "Cache-Control overridden" warning would otherwise flood the production log, one line per reader.
public sealed class PublicPageLogTests
{
    [Fact]
    public async Task Rendering_public_pages_logs_no_warning()
    {
        var warnings = new ConcurrentQueue<string>();
        using var app = new TestApp(settings: new Dictionary<string, string?> { ["FactCheck:PublicCache:Enabled"] = "false" });
        using var logged = app.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
            services.AddLogging(logging => logging.AddProvider(new WarningCollector(warnings)))));
        var client = logged.CreateClient();
        await client.GetAsync("/");
        warnings.Clear();

        foreach (var path in new[] { "/verdicts/azerbaijani-forces-attacked-buildings-in-stepanakert-1", "/", "/verdicts/no-such-claim", "/about/methodology" })
        {
            await client.GetAsync(path);
            await client.GetAsync(path);
        }

        Assert.Empty(warnings);
    }

    private sealed class WarningCollector(ConcurrentQueue<string> warnings) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Collector(categoryName, warnings);

        public void Dispose()
        {
        }

        private sealed class Collector(string category, ConcurrentQueue<string> warnings) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (logLevel >= LogLevel.Warning)
                {
                    warnings.Enqueue($"{category}: {formatter(state, exception)}");
                }
            }
        }
    }
}
