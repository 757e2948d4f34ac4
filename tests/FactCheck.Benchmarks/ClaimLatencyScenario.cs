using System.Diagnostics;
using Dapper;
using FactCheck.Web.Features.Claims;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace FactCheck.Benchmarks;

/// Per-operation latency of the claim reads that issue 3 sets targets for, on a 100,000-claim desk, sent through
/// the real mediator pipeline (role check against the database included), one at a time, after a warm-up.
/// Run: dotnet run -c Release --project tests/FactCheck.Benchmarks -- claims-latency [claims] [operations]
public static class ClaimLatencyScenario
{
    public static async Task RunAsync(int claims, int operations)
    {
        await using var corpus = await ClaimCorpus.OpenAsync(claims);
        var ids = new Random(3);
        await using var connection = await corpus.Db.OpenAsync();
        var maxId = await connection.ExecuteScalarAsync<long>("SELECT max(id) FROM claims");
        var paraphrases = ClaimCorpus.Paraphrases(operations);
        var terms = ClaimCorpus.SearchTerms(operations);
        var filters = new Random(5);
        string?[] statuses = [null, null, "new", "published"];
        string?[] languages = [null, null, "id", "en"];
        string?[] sorts = [null, "newest", "said-desc"];

        Console.WriteLine($"{claims:N0} claims, {operations:N0} operations per kind, {Environment.ProcessorCount} cores, through the mediator pipeline");
        Console.WriteLine("| operation | p50 ms | p95 ms | p99 ms | max ms | target p95 |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        await MeasureAsync(corpus, "similar-claim lookup", "< 20 ms", operations, i => new FindSimilarClaims(paraphrases[i]));
        await MeasureAsync(corpus, "search page query", "< 20 ms", operations, i => new SearchClaims
        {
            Q = terms[i],
            Status = statuses[filters.Next(statuses.Length)],
            Language = languages[filters.Next(languages.Length)],
            Sort = sorts[filters.Next(sorts.Length)],
            Page = filters.Next(4) == 0 ? 3 : 1,
        });
        await MeasureAsync(corpus, "search page, no text (browse)", "< 20 ms", operations, i => new SearchClaims { Status = statuses[filters.Next(statuses.Length)], Page = 1 + (i % 5) });
        await MeasureAsync(corpus, "claim page query", "< 5 ms", operations, _ => new GetClaim(ids.NextInt64(1, maxId + 1)));
    }

    private static async Task MeasureAsync<T>(ClaimCorpus corpus, string name, string target, int operations, Func<int, IQuery<T>> query)
    {
        await using var scope = corpus.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = corpus.Editor;
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        for (var i = 0; i < Math.Min(200, operations); i++)
        {
            await mediator.Send(query(i));
        }

        var samples = new double[operations];
        for (var i = 0; i < operations; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await mediator.Send(query(i));
            samples[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        Array.Sort(samples);
        double At(double p) => samples[Math.Min(samples.Length - 1, (int)Math.Ceiling(p * samples.Length) - 1)];
        Console.WriteLine($"| {name} | {At(0.50):F2} | {At(0.95):F2} | {At(0.99):F2} | {samples[^1]:F2} | {target} |");
    }
}
