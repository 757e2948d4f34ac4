using System.Buffers;
using System.IO.Pipelines;
using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;

namespace FactCheck.Web.Infrastructure;

/// Evicts cached public pages when the claims they show change. Called by the transaction behaviour after commit and
/// awaited, so a verdict is never served stale once the command that published or corrected it has returned.
public sealed class PublicCache(IServiceProvider services, ILogger<PublicCache> logger)
{
    public const string AllTag = "public";

    /// Lists (home, claimant pages, feeds) show many claims: any change to any claim evicts them.
    public const string ListsTag = "public:lists";

    public static string ClaimTag(long claimId) => "claim:" + claimId.ToString(CultureInfo.InvariantCulture);

    private readonly IOutputCacheStore? store = services.GetService<IOutputCacheStore>();

    /// Every cached public page, for when this node cannot know what changed (it missed other nodes' changes).
    public async Task EvictAllAsync(CancellationToken cancellationToken = default)
    {
        if (store is null)
        {
            return;
        }

        if (store is PublicCacheStore guarded)
        {
            await guarded.NextGenerationAsync(cancellationToken);
        }

        await store.EvictByTagAsync(AllTag, cancellationToken);
    }

    public async Task EvictAsync(IReadOnlyCollection<long> claimIds, CancellationToken cancellationToken = default)
    {
        if (store is null || claimIds.Count == 0)
        {
            return;
        }

        try
        {
            if (store is PublicCacheStore guarded)
            {
                await guarded.NextGenerationAsync(cancellationToken);
            }

            foreach (var id in claimIds)
            {
                await store.EvictByTagAsync(ClaimTag(id), cancellationToken);
            }

            await store.EvictByTagAsync(ListsTag, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The command has committed; a failed eviction must not report it as failed. Entries expire anyway.
            logger.LogError(ex, "Could not evict cached public pages for claims {ClaimIds}", claimIds);
        }
    }
}

/// The output cache's store, with one guard: a response rendered before an eviction is never stored after it.
/// Without it, a reader whose page read the database just before a correction committed could put the old verdict
/// back into the cache after the correction's eviction, where it would stay until the next change or expiry.
/// Every cached response is tagged with the generation current when its request started; each eviction starts a new
/// generation; a response of an older generation is dropped instead of stored. Checking and storing happen under
/// the same lock as the generation change, so no store can slip in between.
public sealed class PublicCacheStore(IOutputCacheStore inner) : IOutputCacheStore, IOutputCacheBufferStore, IDisposable
{
    private const string GenerationPrefix = "public:generation:";

    private readonly SemaphoreSlim gate = new(1, 1);
    private long generation;

    public long Generation => Interlocked.Read(ref generation);

    public string GenerationTag() => GenerationPrefix + Generation.ToString(CultureInfo.InvariantCulture);

    /// Replaces the IOutputCacheStore that AddOutputCache registered with this guard around it.
    public static void Decorate(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        services.Remove(registered);
        services.AddSingleton<IOutputCacheStore>(provider => new PublicCacheStore(
            registered.ImplementationInstance as IOutputCacheStore
            ?? (IOutputCacheStore?)registered.ImplementationFactory?.Invoke(provider)
            ?? (IOutputCacheStore)ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!)));
    }

    public async ValueTask NextGenerationAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            Interlocked.Increment(ref generation);
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();

    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) => inner.EvictByTagAsync(tag, cancellationToken);

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

    public ValueTask<bool> TryGetAsync(string key, PipeWriter destination, CancellationToken cancellationToken) =>
        inner is IOutputCacheBufferStore buffers ? buffers.TryGetAsync(key, destination, cancellationToken) : TryGetFromBytesAsync(key, destination, cancellationToken);

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (IsCurrent(tags))
            {
                await inner.SetAsync(key, value, tags, validFor, cancellationToken);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask SetAsync(string key, ReadOnlySequence<byte> value, ReadOnlyMemory<string> tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (!IsCurrent(tags.ToArray()))
            {
                return;
            }

            if (inner is IOutputCacheBufferStore buffers)
            {
                await buffers.SetAsync(key, value, tags, validFor, cancellationToken);
            }
            else
            {
                await inner.SetAsync(key, value.ToArray(), tags.ToArray(), validFor, cancellationToken);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// Entries without a generation tag (not public pages) are stored as they come.
    private bool IsCurrent(string[]? tags)
    {
        var tag = tags?.FirstOrDefault(t => t.StartsWith(GenerationPrefix, StringComparison.Ordinal));
        return tag is null || tag == GenerationTag();
    }

    private async ValueTask<bool> TryGetFromBytesAsync(string key, PipeWriter destination, CancellationToken cancellationToken)
    {
        var bytes = await inner.GetAsync(key, cancellationToken);
        if (bytes is null)
        {
            return false;
        }

        await destination.WriteAsync(bytes, cancellationToken);
        return true;
    }
}
