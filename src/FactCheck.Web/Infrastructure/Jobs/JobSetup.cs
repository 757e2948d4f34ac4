using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;

namespace FactCheck.Web.Infrastructure.Jobs;

public static class JobSetup
{
    public static void AddBackgroundJobs(this IServiceCollection services, IConfiguration configuration)
    {
        // Hangfire's defaults for storage and activator are process-wide statics (JobStorage.Current,
        // JobActivator.Current), so two hosts in one process (tests, benchmarks) would run each other's jobs.
        // Registered first, these per-host instances win over AddHangfire's TryAdd fallbacks.
        services.AddSingleton<JobStorage>(provider =>
        {
            provider.GetRequiredService<IGlobalConfiguration>(); // points Hangfire's logging at this host first
            var db = provider.GetRequiredService<Database.Db>();
            // On PostgreSQL every node shares one job store (schema "hangfire"): a recurring sweep runs once per tick
            // whichever node picks it up. SQLite's desk is one process; its durable state is in our own tables.
            return db.IsPostgres
                ? PostgresStorage(db.ConnectionString)
                : new InMemoryStorage(new InMemoryStorageOptions { MaxExpirationTime = TimeSpan.FromDays(1) });
        });
        static PostgreSqlStorage PostgresStorage(string connectionString)
        {
            var options = new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true, QueuePollInterval = TimeSpan.FromSeconds(1) };
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
        }

        services.AddSingleton<JobActivator>(provider => new AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((provider, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HangfireLogProvider(provider.GetRequiredService<ILoggerFactory>())));
        if (configuration.GetValue($"{FactCheckOptions.Section}:Jobs:Enabled", true))
        {
            services.AddHangfireServer(options =>
            {
                options.WorkerCount = 2;
                // Lets a reminder sweep scheduled in seconds (FactCheck:Reminders:SweepCron with six fields) run on time.
                options.SchedulePollingInterval = TimeSpan.FromSeconds(1);
            });
        }
    }
}
