using Dapper;
using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Database;
using Hangfire;
using Mediator;

namespace FactCheck.Web.Features.Claims;

public static class ClaimsSetup
{
    public static IServiceCollection AddClaims(this IServiceCollection services)
    {
        services.AddSingleton<ClaimChangePolicy>();
        services.AddScoped<SearchStatisticsJob>();
        return services;
    }

    public static void MapClaims(this IEndpointRouteBuilder app) => app.MapClaimEndpoints();

    public static void ScheduleClaimJobs(this IRecurringJobManager jobs, FactCheckOptions options) =>
        jobs.AddOrUpdate<SearchStatisticsJob>(SearchStatisticsJob.JobId, j => j.RefreshSearchStatistics(CancellationToken.None), options.Jobs.SearchStatisticsCron);

    /// Analyses claims the search has not seen (after an upgrade); true when the word statistics are missing or stale.
    /// Sent as the system, before any demo data, so a fresh database gets its statistics after the demo claims.
    public static async Task<bool> IndexClaimsForSearchAsync(this IMediator mediator, Db db, ILogger logger, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var statistics = await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT count(*) FROM search_stats_meta", cancellationToken: ct));
        var analysed = await mediator.Send(new IndexClaimsForSearch(), ct);
        if (analysed > 0)
        {
            logger.LogInformation("Analysed {Count} claim(s) for search", analysed);
        }

        return statistics == 0 || analysed > 0;
    }
}
