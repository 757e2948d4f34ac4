using FactCheck.Web;
using BenchmarkDotNet.Attributes;
using Dapper;
using FactCheck.Web.Features.Claims;
using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace FactCheck.Benchmarks;

/// What the mediator pipeline (logging, per-message role lookup, validation, transaction + audit) costs
/// on top of the SQL a use case runs, on the demo database. The command writes a claim, its topic and
/// its audit rows in one synchronous (FULL) transaction, so it measures a durable commit too; the appearance is a
/// command the object-level rule checks.
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "factcheck-bench", Guid.NewGuid().ToString("N"));
    private WebApplication app = default!;
    private Db db = default!;
    private Actor editor = default!;
    private long claimantId;

    [GlobalSetup]
    public void Setup()
    {
        Directory.CreateDirectory(folder);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Benchmark" });
        builder.Configuration["ConnectionStrings:FactCheck"] = $"Data Source={Path.Combine(folder, "bench.db")}";
        builder.Configuration["FactCheck:DemoData"] = "true";
        builder.Configuration["FactCheck:DemoPassword"] = "Benchmark-Password-1";
        builder.Configuration["FactCheck:Jobs:Enabled"] = "false";
        builder.Configuration["FactCheck:PublicUrl"] = TlsProxy.PublicUrl;
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        builder.AddFactCheck();
        app = builder.Build();
        app.InitializeFactCheckAsync().GetAwaiter().GetResult();
        db = app.Services.GetRequiredService<Db>();
        using var connection = db.OpenAsync().GetAwaiter().GetResult();
        var id = connection.ExecuteScalar<long>("SELECT id FROM users WHERE username = 'editor'");
        editor = new Actor(id, "editor", new HashSet<string> { Roles.Editor });
        claimantId = connection.ExecuteScalar<long>("SELECT min(id) FROM claimants");
    }

    [Benchmark(Baseline = true)]
    public async Task<int> Query_with_raw_Dapper()
    {
        await using var connection = await db.OpenAsync();
        var rows = await connection.QueryAsync<ClaimRow>(
            """
            SELECT c.id AS Id, c.title AS Title, c.language AS Language, c.kind AS Kind, c.status AS Status, p.name AS Claimant,
                   c.said_on AS SaidOn, 0 AS LinkCount, c.created_at AS CreatedAt
            FROM claims c JOIN claimants p ON p.id = c.claimant_id ORDER BY c.created_at DESC LIMIT 50
            """);
        return rows.Count();
    }

    [Benchmark]
    public async Task<int> Query_through_the_pipeline()
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = editor;
        var page = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ListClaims());
        return page.Items.Count;
    }

    [Benchmark]
    public async Task<long> Command_through_the_pipeline()
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = editor;
        var submitted = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SubmitClaim
        {
            Title = "Benchmark claim",
            Text = "Pejabat lokal menuduh pasukan menyerang gedung-gedung di kota itu.",
            Language = "id",
            ClaimantId = claimantId,
            Kind = "statement",
            Topics = ["benchmark"],
        });
        return submitted.Id;
    }

    /// A command that changes a recorded claim: the object-level check (ClaimChangeBehavior) loads the claim's state first.
    [Benchmark]
    public async Task<long> Appearance_through_the_pipeline()
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = editor;
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new AddAppearance
        {
            ClaimId = 1,
            Url = "https://example.org/benchmark/" + Interlocked.Increment(ref appearances),
            Outlet = "Benchmark Daily",
        });
    }

    private long appearances;

    [GlobalCleanup]
    public void Cleanup()
    {
        app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
