using FactCheck.Web;
using System.Diagnostics;
using Dapper;
using FactCheck.Web.Features.Reminders;
using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace FactCheck.Benchmarks;

/// Issue 5's target: "a sweep over 100,000 open claims completes in under 1 s on a 2-core machine and sends only
/// what is due". Builds a desk of N open claims, each with an open ladder in a steady state (stages started over
/// the last ten days, so most are overdue and escalated already and their sent reminders are on record), then
/// sweeps as the job does (batches of 1,000 through the real mediator, as the system): first the previous sweep, for
/// the first 1,000 claims, which warms the process up as a running app is; then when nothing is due; then an hour
/// later, when about 1 % of the ladders have a step due. Checks that exactly the due steps went out. CPU ms is the
/// process's CPU time over the sweep (all threads), a steadier figure than wall time on a busy machine.
/// Run: dotnet run -c Release --project tests/FactCheck.Benchmarks -- reminder-sweep [claims]
public static class ReminderSweepScenario
{
    private const int Batch = 1000;
    private const int WarmUpClaims = 1000;
    private static readonly DateTimeOffset T0 = new(2025, 6, 2, 3, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);
    private static readonly TimeSpan Grace = TimeSpan.FromHours(4);
    private static readonly TimeSpan ReviewSla = TimeSpan.FromHours(12);

    public static async Task RunAsync(int claims)
    {
        // The desk is generated once into a template (a couple of minutes) and copied for each run, since a sweep changes it.
        var folder = Path.Combine(Path.GetTempPath(), "factcheck-bench");
        Directory.CreateDirectory(folder);
        var template = Path.Combine(folder, $"reminders-{claims}-v3.db");
        if (!File.Exists(template))
        {
            var partial = template + ".partial";
            Delete(partial);
            var watch = Stopwatch.StartNew();
            await using (var generator = await StartAsync(partial, new BenchClock { Now = T0 - TimeSpan.FromDays(11) }))
            {
                await GenerateAsync(generator.Services.GetRequiredService<Db>(), claims);
            }

            SqliteConnection.ClearAllPools();
            File.Move(partial, template);
            Console.WriteLine($"Generated {claims:N0} open claims with open ladders in {watch.Elapsed.TotalSeconds:F1} s at {template}");
        }

        var path = Path.Combine(folder, $"reminders-{claims}-run.db");
        Delete(path);
        File.Copy(template, path);
        var clock = new BenchClock { Now = T0 - Window };
        await using var app = await StartAsync(path, clock);
        var db = app.Services.GetRequiredService<Db>();
        var expected = await ExpectedAsync(db);
        Console.WriteLine($"{Environment.ProcessorCount} cores; batches of {Batch:N0} through the mediator as the system");

        // The first claims have a due-soon step two hours before T0: a sweep an hour before sends them.
        var warmUp = await SweepAsync(app, db);

        Console.WriteLine("| sweep | wall ms | CPU ms | batches | ladders with a step due | reminders sent | expected |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine($"| warm-up, {WarmUpClaims} due | {warmUp.Wall:F1} | {warmUp.Cpu:F1} | {warmUp.Batches} | {WarmUpClaims} | {warmUp.Sent} | {WarmUpClaims} |");

        clock.Now = T0;
        var idle = new List<Sweep>();
        for (var i = 0; i < 7; i++)
        {
            idle.Add(await SweepAsync(app, db));
        }

        var median = idle.OrderBy(x => x.Wall).ElementAt(3);
        Console.WriteLine(
            $"| nothing due (median of 7, max {idle.Max(x => x.Wall):F1} ms) | {median.Wall:F1} | {median.Cpu:F1} | {median.Batches} | 0 | {idle.Sum(x => x.Sent)} | 0 |");

        clock.Now = T0 + Window;
        var busy = await SweepAsync(app, db);
        Console.WriteLine(
            $"| {Window.TotalHours:F0} h later, {100.0 * expected.Ladders.Count / claims:F2} % due | {busy.Wall:F1} | {busy.Cpu:F1} | {busy.Batches} | {expected.Ladders.Count:N0} | {busy.Sent:N0} | {expected.Reminders:N0} |");
        var exact = busy.Sent == expected.Reminders && busy.Notified == busy.Sent && busy.Ladders.SetEquals(expected.Ladders);
        Console.WriteLine(exact
            ? "Sent exactly the due steps: every expected ladder, no other, one notification per reminder."
            : $"MISMATCH: sent {busy.Sent}, notifications {busy.Notified}, ladders {busy.Ladders.Count} (expected {expected.Ladders.Count}; {busy.Ladders.Except(expected.Ladders).Count()} unexpected).");

        var again = await SweepAsync(app, db);
        Console.WriteLine($"The same sweep again at the same instant: {again.Wall:F1} ms, {again.Sent} more reminders.");
    }

    private static async Task<WebApplication> StartAsync(string path, BenchClock clock)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Benchmark" });
        builder.Configuration["ConnectionStrings:FactCheck"] = $"Data Source={path}";
        builder.Configuration["FactCheck:DemoData"] = "true";
        builder.Configuration["FactCheck:DemoPassword"] = "Benchmark-Password-1";
        builder.Configuration["FactCheck:Jobs:Enabled"] = "false";
        builder.Configuration["FactCheck:PublicUrl"] = TlsProxy.PublicUrl;
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        builder.AddFactCheck();
        builder.Services.AddSingleton<TimeProvider>(clock);
        var app = builder.Build();
        await app.InitializeFactCheckAsync();
        return app;
    }

    private static void Delete(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }

    /// What the sweep an hour after T0 must send, worked out from the ladders on their own: every step in
    /// (T0, T0 + 1 h], to the assignee or the assigning editor, or for a review to each editor (authors are checkers).
    private static async Task<Expected> ExpectedAsync(Db db)
    {
        await using var connection = await db.OpenAsync();
        var editors = await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'editor' WHERE u.is_active = 1");
        var ladders = await connection.QueryAsync<(long Id, string Stage, string DueSoonAt, string DueAt, string? EscalateAt)>(
            "SELECT id, stage, due_soon_at, due_at, escalate_at FROM ladders WHERE ended_at IS NULL");
        var (from, to) = (Time(T0), Time(T0 + Window));
        bool InWindow(string? at) => at is not null && string.CompareOrdinal(at, from) > 0 && string.CompareOrdinal(at, to) <= 0;
        var due = new HashSet<long>();
        var reminders = 0;
        foreach (var l in ladders)
        {
            var count = l.Stage == "review"
                ? (InWindow(l.DueAt) ? editors : 0)
                : (InWindow(l.DueSoonAt) ? 1 : 0) + (InWindow(l.DueAt) ? 1 : 0) + (InWindow(l.EscalateAt) ? 1 : 0);
            if (count > 0)
            {
                due.Add(l.Id);
                reminders += count;
            }
        }

        return new Expected(due, reminders);
    }

    private sealed record Sweep(double Wall, double Cpu, int Batches, long Sent, long Notified, HashSet<long> Ladders);

    /// One job run (batches until one comes back short), timed, and what it wrote.
    private static async Task<Sweep> SweepAsync(WebApplication app, Db db)
    {
        await using var connection = await db.OpenAsync();
        var lastReminder = await connection.ExecuteScalarAsync<long>("SELECT coalesce(max(id), 0) FROM reminders");
        var lastNotification = await connection.ExecuteScalarAsync<long>("SELECT coalesce(max(id), 0) FROM notifications");

        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        var batches = 0;
        while (true)
        {
            batches++;
            await using var scope = app.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = Actor.System;
            if (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SendDueReminders(Batch)) < Batch)
            {
                break;
            }
        }

        var wall = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        process.Refresh();
        var cpuMs = (process.TotalProcessorTime - cpu).TotalMilliseconds;
        var sent = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM reminders WHERE id > @lastReminder AND outcome = 'sent'", new { lastReminder });
        var notified = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM notifications WHERE id > @lastNotification", new { lastNotification });
        var ladders = (await connection.QueryAsync<long>("SELECT DISTINCT ladder_id FROM reminders WHERE id > @lastReminder", new { lastReminder })).ToHashSet();
        return new Sweep(wall, cpuMs, batches, sent, notified, ladders);
    }

    private sealed record Expected(HashSet<long> Ladders, int Reminders);

    /// Claims in research (90 %, priorities high/normal/low at 24/72/168 h) and in review (10 %, 12 h), each stage
    /// started at a random time in the ten days before T0. Steps at or before T0 are on record as sent and the
    /// ladder's next_at is its first later step, as the sweep leaves it.
    private static async Task GenerateAsync(Db db, int count)
    {
        // The desk is a SQLite file (StartAsync) written with SQLite's prepared commands.
        await using var connection = (SqliteConnection)await db.OpenAsync();
        var staff = (await connection.QueryAsync<(string Username, long Id)>("SELECT username, id FROM users")).ToDictionary(u => u.Username, u => u.Id);
        long[] checkers = [staff["checker"], staff["checker2"]];
        long[] editors = [staff["editor"], staff["editor2"]];
        var random = new Random(20250602);

        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
        var claimantId = await connection.ExecuteScalarAsync<long>(
            "INSERT INTO claimants (name, kind, created_at) VALUES ('Bench Ministry', 'government', @T0) RETURNING id", new { T0 }, tx);
        await using var claim = Prepare(
            connection, tx,
            """
            INSERT INTO claims (slug, title, text, language, claimant_id, kind, status, created_at, created_by, updated_at,
                                priority, due_at, assignee_id, assigned_by, stage_started_at)
            VALUES ($slug, $title, $text, 'en', $claimant, 'event', $status, $started, $editor, $started, $priority, $due, $assignee, $editor, $started)
            RETURNING id
            """);
        await using var verdict = Prepare(
            connection, tx,
            """
            INSERT INTO verdicts (claim_id, state, rating, author_id, submitted_at, updated_at)
            VALUES ($claim, 'in_review', 'false', $author, $started, $started)
            RETURNING id
            """);
        // One language version, the claim's (English), titled with the claim's title, as a one-language submission is.
        await using var verdictText = Prepare(
            connection, tx,
            """
            INSERT INTO verdict_texts (verdict_id, language, title, summary, explanation)
            VALUES ($verdict, 'en', $title, 'No sign of it.', 'Images show the buildings intact.')
            """);
        await using var ladder = Prepare(
            connection, tx,
            """
            INSERT INTO ladders (claim_id, stage, actor_id, escalate_to, started_at, due_at, due_soon_at, escalate_at, next_at)
            VALUES ($claim, $stage, $actor, $escalateTo, $started, $due, $dueSoon, $escalateAt, $next)
            RETURNING id
            """);
        await using var reminder = Prepare(
            connection, tx,
            "INSERT INTO reminders (ladder_id, claim_id, step, recipient_id, outcome, at) VALUES ($ladder, $claim, $step, $recipient, 'sent', $at)");

        for (var i = 0; i < count; i++)
        {
            var review = i >= WarmUpClaims && i % 10 == 9;
            var (priority, hours) = random.Next(10) switch { < 2 => ("high", 24), < 8 => ("normal", 72), _ => ("low", 168) };
            var length = review ? ReviewSla : TimeSpan.FromHours(hours);
            var started = i < WarmUpClaims
                ? T0 - (2 * Window) - (length * 0.75)
                : T0 - TimeSpan.FromMinutes(random.Next(1, 10 * 24 * 60));
            var due = started + length;
            var dueSoon = started + (length * 0.75);
            DateTimeOffset? escalateAt = review ? null : due + Grace;
            var assignee = checkers[random.Next(2)];
            var editor = editors[random.Next(2)];

            var claimId = (long)Run(claim, ("$slug", $"sweep-{i}"), ("$title", $"Open claim {i}"), ("$text", $"Forces shelled village {i} on the border."),
                ("$claimant", claimantId), ("$status", review ? "in_review" : "researching"), ("$started", Time(started)), ("$editor", editor),
                ("$priority", priority), ("$due", Time(due)), ("$assignee", assignee))!;
            if (review)
            {
                var verdictId = (long)Run(verdict, ("$claim", claimId), ("$author", assignee), ("$started", Time(started)))!;
                Run(verdictText, ("$verdict", verdictId), ("$title", $"Open claim {i}"));
            }

            var steps = review
                ? editors.Select(e => (Step: "waiting-for-review", At: due, Recipient: e)).ToList()
                : [("due-soon", dueSoon, assignee), ("overdue", due, assignee), ("escalation", escalateAt!.Value, editor)];
            var past = i < WarmUpClaims ? T0 - (3 * Window) : T0;
            var next = steps.Where(s => s.At > past).Select(s => (DateTimeOffset?)s.At).Min();
            var ladderId = (long)Run(ladder, ("$claim", claimId), ("$stage", review ? "review" : "verdict"), ("$actor", review ? null : assignee),
                ("$escalateTo", review ? null : editor), ("$started", Time(started)), ("$due", Time(due)), ("$dueSoon", Time(dueSoon)),
                ("$escalateAt", escalateAt is { } e ? Time(e) : null), ("$next", next is { } n ? Time(n) : null))!;
            foreach (var step in steps.Where(s => s.At <= past))
            {
                Run(reminder, ("$ladder", ladderId), ("$claim", claimId), ("$step", step.Step), ("$recipient", step.Recipient), ("$at", Time(step.At)));
            }
        }

        await tx.CommitAsync();
        await connection.ExecuteAsync("PRAGMA optimize; ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);");
    }

    private static string Time(DateTimeOffset at) => DapperTypeHandlers.Format(at);

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction tx, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        return command;
    }

    private static object? Run(SqliteCommand command, params (string Name, object? Value)[] values)
    {
        command.Parameters.Clear();
        foreach (var (name, value) in values)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command.ExecuteScalar();
    }

    private sealed class BenchClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
