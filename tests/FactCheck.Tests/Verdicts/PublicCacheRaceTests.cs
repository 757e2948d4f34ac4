using System.Text;
using FactCheck.Web.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;

namespace FactCheck.Tests.Verdicts;

/// A page rendered from the database as it was before a correction must not be stored after the correction's
/// eviction: it would stay stale until the next change. The store drops responses of an older generation.
public sealed class PublicCacheRaceTests : IDisposable
{
    private readonly TestApp app = new TestApp(demoData: false).Start();

    private PublicCacheStore Store => (PublicCacheStore)app.Services.GetRequiredService<IOutputCacheStore>();

    [Fact]
    public async Task A_page_rendered_before_an_eviction_is_not_stored_after_it()
    {
        var renderedUnder = Store.GenerationTag();

        await app.Services.GetRequiredService<PublicCache>().EvictAsync([1]);
        await Store.SetAsync("verdict-page", Encoding.UTF8.GetBytes("old verdict"), [PublicCache.AllTag, PublicCache.ClaimTag(1), renderedUnder], TimeSpan.FromMinutes(5), default);

        Assert.Null(await Store.GetAsync("verdict-page", default));
    }

    [Fact]
    public async Task A_page_rendered_after_the_last_eviction_is_stored()
    {
        await app.Services.GetRequiredService<PublicCache>().EvictAsync([1]);
        var renderedUnder = Store.GenerationTag();

        await Store.SetAsync("verdict-page", Encoding.UTF8.GetBytes("new verdict"), [PublicCache.AllTag, PublicCache.ClaimTag(1), renderedUnder], TimeSpan.FromMinutes(5), default);

        Assert.Equal("new verdict", Encoding.UTF8.GetString((await Store.GetAsync("verdict-page", default))!));
    }

    [Fact]
    public async Task Every_committed_claim_change_starts_a_new_generation()
    {
        var before = Store.Generation;

        await app.Services.GetRequiredService<PublicCache>().EvictAsync([1, 2]);

        Assert.Equal(before + 1, Store.Generation);
    }

    public void Dispose() => app.Dispose();
}
