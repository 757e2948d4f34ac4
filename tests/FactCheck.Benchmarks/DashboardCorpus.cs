using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dapper;
using FactCheck.Web.Features.Accounts;
using FactCheck.Web.Features.Claims;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace FactCheck.Benchmarks;

/// Issue 7's desk: N claims over the two years before T0 and M audit rows, for the dashboard benchmark. The schema,
/// the first admin and the staff accounts come from the app itself (migrations at start-up, CreateUser); the rest is
/// written straight into the tables in one transaction with prepared commands. Each claim follows the workflow at
/// seeded random speeds (triage, assignment, research against its priority's deadline, review, sometimes a round of
/// changes, sometimes a later correction), and is in whatever state it reached at T0; a share of claims stall on the
/// way, which is the backlog the dashboard's open, overdue and unassigned figures count. Its transitions, verdicts,
/// votes, evidence, ladders and audit rows follow that path. Each verdict has its text in the claim's language, every
/// other one in the second language too, as a desk that publishes in both would. Built once per size, migration set and
/// generator version into the temp folder and reused; the apps run on a clock that starts at T0, so a reused file is as
/// fresh.
public static class DashboardCorpus
{
    public const string Password = "Benchmark-Password-1";
    public const string AdminName = "admin";
    public const string EditorName = "editor1";

    /// The instant the desk is generated for: a Wednesday, 11:00 in Jakarta.
    public static readonly DateTimeOffset T0 = new(2026, 3, 4, 4, 0, 0, TimeSpan.Zero);

    // Bump when the generator changes what it writes, so cached files are rebuilt.
    private const int GeneratorVersion = 3;
    private const int Days = 730;

    private static readonly string[] Topics =
        ["nagorno-karabakh", "casualties", "ceasefire", "shelling", "diplomacy", "refugees", "drones", "prisoners", "infrastructure", "energy", "elections", "health"];

    private static readonly (string Name, string Kind, string? Side)[] Claimants =
    [
        ("Ilham Aliyev", "person", "Azerbaijan"), ("Azerbaijan Ministry of Defence", "military", "Azerbaijan"),
        ("Azerbaijan Ministry of Foreign Affairs", "government", "Azerbaijan"), ("Hikmet Hajiyev", "official-body", "Azerbaijan"),
        ("Azerbaijani State Television", "media", "Azerbaijan"), ("Baku city officials", "official-body", "Azerbaijan"),
        ("Azerbaijan Prosecutor General", "official-body", "Azerbaijan"), ("Leyla Abdullayeva", "person", "Azerbaijan"),
        ("Azerbaijani Army spokesperson", "military", "Azerbaijan"), ("APA news agency", "media", "Azerbaijan"),
        ("Nikol Pashinyan", "person", "Armenia"), ("Armenia Ministry of Defence", "military", "Armenia"),
        ("Armenia Ministry of Foreign Affairs", "government", "Armenia"), ("Artsakh Ombudsman", "official-body", "Armenia"),
        ("Shushan Stepanyan", "person", "Armenia"), ("Armenpress", "media", "Armenia"), ("Stepanakert local officials", "official-body", "Armenia"),
        ("Arayik Harutyunyan", "person", "Armenia"), ("Armenian Public Television", "media", "Armenia"), ("Artsakh Defence Army", "military", "Armenia"),
        ("Vladimir Putin", "person", "Russia"), ("Russian Ministry of Defence", "military", "Russia"), ("Maria Zakharova", "person", "Russia"),
        ("TASS", "media", "Russia"), ("Russian peacekeeping command", "military", "Russia"),
        ("Hassan Rouhani", "person", "Iran"), ("Iran Ministry of Foreign Affairs", "government", "Iran"), ("IRNA", "media", "Iran"),
        ("Iranian border governor", "official-body", "Iran"),
        ("Recep Tayyip Erdogan", "person", "Turkey"), ("Turkish Ministry of Defence", "military", "Turkey"), ("Anadolu Agency", "media", "Turkey"),
        ("Mevlut Cavusoglu", "person", "Turkey"),
        ("Human Rights Watch", "other", null), ("Amnesty International", "other", null), ("OSCE Minsk Group", "official-body", null),
        ("International Committee of the Red Cross", "other", null), ("Anonymous social media account", "other", null),
        ("Local Telegram channel", "media", null), ("Independent analyst", "person", null),
    ];

    private static readonly string[] Editors = ["Dewi Anggraini", "Rudi Hartono", "Sari Wulandari", "Agus Prasetyo"];

    private static readonly string[] Checkers =
    [
        "Ayu Lestari", "Bima Saputra", "Citra Maharani", "Dimas Nugroho", "Eka Putri", "Fajar Ramadhan", "Gita Permata", "Hendra Wijaya",
        "Indah Sari", "Joko Susilo", "Kartika Dewi", "Lukman Hakim", "Maya Sulistyo", "Nanda Pratama", "Oktavia Rahma",
    ];

    // The default rating scale's keys, and how often the desk gives each before a claimant's own lean.
    private static readonly string[] Ratings = ["true", "mostly-true", "mixed", "mostly-false", "false", "misleading", "unverified"];
    private static readonly double[] RatingWeights = [0.10, 0.12, 0.13, 0.18, 0.30, 0.12, 0.05];

    private static readonly string[] EnSubjects = ["Azerbaijani forces", "Armenian troops", "Local officials", "The defence ministry", "Russian peacekeepers", "Iranian border guards", "A Baku spokesman", "Residents of Stepanakert", "Separatist fighters", "Turkish drones"];
    private static readonly string[] EnVerbs = ["attacked", "shelled", "captured", "destroyed", "evacuated", "blockaded", "struck", "rebuilt", "mined", "abandoned"];
    private static readonly string[] EnObjects = ["buildings in the city", "villages on the border", "enemy positions", "a hospital", "the main bridge", "a military base", "an aid convoy", "a primary school", "a power station", "the highway"];
    private static readonly string[] IdSubjects = ["Pasukan Azerbaijan", "Militer Armenia", "Pejabat lokal", "Kementerian Pertahanan", "Pasukan penjaga perdamaian Rusia", "Penjaga perbatasan Iran", "Juru bicara Baku", "Warga Stepanakert", "Tentara separatis", "Drone Turki"];
    private static readonly string[] IdVerbs = ["menyerang", "menembaki", "menguasai", "menghancurkan", "mengevakuasi", "memblokade", "menggempur", "membangun kembali", "memasang ranjau di", "meninggalkan"];
    private static readonly string[] IdObjects = ["gedung-gedung di kota", "desa di perbatasan", "posisi lawan", "rumah sakit", "jembatan utama", "pangkalan militer", "konvoi bantuan", "sekolah dasar", "pembangkit listrik", "jalan raya"];
    private static readonly string[] Places = ["Stepanakert", "Ganja", "Shusha", "Hadrut", "Martuni", "Tartar", "Fuzuli", "Jabrayil", "Lachin", "Kalbajar", "Agdam", "Barda", "Goris", "Yerevan", "Baku"];
    private static readonly string[] Outlets = ["Kompas", "Tempo", "Detik", "CNN Indonesia", "Reuters", "BBC", "Al Jazeera", "Eurasianet", "OC Media", "Antara"];
    private static readonly string[] Months = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];
    private static readonly string[] RejectReasons = ["Opinion, not a checkable statement of fact.", "Out of the desk's scope.", "Duplicate of a claim already being checked.", "Too vague to check: no place, time or source."];
    private static readonly string[] EvidenceSources = ["Satellite imagery", "Ministry statement", "Hospital records", "Witness interview", "Geolocated video", "Red Cross report", "Court filing", "Official casualty list"];

    /// The database for these sizes, generating it first unless a previous run left it in the temp folder.
    public static async Task<string> EnsureAsync(int claims, int auditRows)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "factcheck-bench")).FullName;
        var path = Path.Combine(folder, $"dashboard-{claims}-{auditRows}-{SchemaKey()}.db");
        if (File.Exists(path))
        {
            Console.WriteLine($"Reusing the generated desk {path} (delete it to generate it again).");
            return path;
        }

        var partial = path + ".partial";
        foreach (var file in new[] { partial, partial + "-wal", partial + "-shm" }.Where(File.Exists))
        {
            File.Delete(file);
        }

        var watch = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var counts = new Dictionary<string, long>();
        // Accounts are created before the first claim, on a clock set back by the desk's two years.
        await using (var app = await DashboardApp.StartAsync(partial, T0 - TimeSpan.FromDays(Days + 10), listenUrl: null))
        {
            var staff = await CreateStaffAsync(app.Services);
            var db = app.Services.GetRequiredService<Db>();
            // A connection of its own without foreign keys, so rows can go in path order (a claim names its published
            // verdict, written after it); every reference is checked once at the end instead.
            var withoutKeys = new SqliteConnectionStringBuilder(db.ConnectionString) { ForeignKeys = false, Pooling = false }.ToString();
            await using (var connection = new SqliteConnection(withoutKeys))
            {
                await connection.OpenAsync();
                await new Generator(connection, staff, claims, auditRows).RunAsync();
                var broken = (await connection.QueryAsync<(string Table, long Row, string Parent)>("SELECT \"table\", rowid, parent FROM pragma_foreign_key_check LIMIT 5")).ToList();
                if (broken.Count > 0)
                {
                    throw new InvalidOperationException("The generated desk breaks foreign keys: " + string.Join("; ", broken.Select(b => $"{b.Table} row {b.Row} -> {b.Parent}")));
                }

                foreach (var table in new[] { "claims", "claim_transitions", "verdicts", "corrections", "ladders", "audit_log" })
                {
                    counts[table] = await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM {table}");
                }

                counts["open"] = await connection.ExecuteScalarAsync<long>(
                    "SELECT count(*) FROM claims WHERE status IN ('new', 'triaged', 'assigned', 'researching', 'in_review')");
            }

            // The similar-claim lookup's word statistics, as the periodic job would leave them.
            await using (var scope = app.Services.CreateAsyncScope())
            {
                scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = Actor.System;
                await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RefreshSearchStatistics());
            }

            await using (var connection = await db.OpenAsync())
            {
                await connection.ExecuteAsync("ANALYZE; PRAGMA optimize; PRAGMA wal_checkpoint(TRUNCATE);");
            }
        }

        SqliteConnection.ClearAllPools();
        File.Move(partial, path);
        Console.WriteLine(
            $"Generated {counts["claims"]:N0} claims ({counts["open"]:N0} open), {counts["claim_transitions"]:N0} transitions, {counts["verdicts"]:N0} verdicts, " +
            $"{counts["corrections"]:N0} corrections, {counts["ladders"]:N0} ladders and {counts["audit_log"]:N0} audit rows in {watch.Elapsed.TotalSeconds:F0} s " +
            $"({(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F0} s of CPU, load average {CpuTime.LoadAverage():F1}): " +
            $"{path} ({new FileInfo(path).Length / 1024.0 / 1024.0:F0} MB)");
        return path;
    }

    /// The migrations the app would apply (their names) and this generator's version: a new migration makes a new file.
    private static string SchemaKey()
    {
        var names = typeof(Migrator).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Migrator.ResourcePrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        var text = string.Join('\n', names) + $"\ngenerator {GeneratorVersion}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12];
    }

    private static async Task<Staff> CreateStaffAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = Actor.System;
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var editors = new List<(long, string)>();
        for (var i = 0; i < Editors.Length; i++)
        {
            var created = await mediator.Send(new CreateUser { Username = $"editor{i + 1}", DisplayName = Editors[i], Roles = [Roles.Editor], Password = Password });
            editors.Add((created.Id, Editors[i]));
        }

        var checkers = new List<(long, string)>();
        for (var i = 0; i < Checkers.Length; i++)
        {
            var created = await mediator.Send(new CreateUser { Username = $"checker{i + 1:D2}", DisplayName = Checkers[i], Roles = [Roles.FactChecker], Password = Password });
            checkers.Add((created.Id, Checkers[i]));
        }

        return new Staff(editors, checkers);
    }

    private sealed record Staff(List<(long Id, string Name)> Editors, List<(long Id, string Name)> Checkers);

    /// What happened to a claim, in order, for its audit rows: the action, who did it, when, and its details.
    private enum Act : byte
    {
        Submit, Triage, Assign, Start, AddEvidence, SubmitVerdict, RequestChanges, Approve, Reject, Merge, Correct, Reassign, AddAppearance,
    }

    private struct AuditEvent
    {
        public long Ticks;
        public int Claim;
        public Act Act;
        public int Actor;
        public int Version;
        public long Detail;
        public string? From;
    }

    private sealed class Generator(SqliteConnection connection, Staff staff, int claimCount, int totalAuditRows)
    {
        private int auditRows = totalAuditRows;

        public Staff Staff { get; } = staff;

        private readonly Random random = new(20260304);
        private readonly List<AuditEvent> events = new(Math.Max(totalAuditRows, claimCount * 10));
        private readonly Dictionary<long, string> names = staff.Editors.Concat(staff.Checkers).ToDictionary(s => s.Id, s => s.Name);
        private readonly List<string> claimTitles = new(claimCount);
        private readonly List<string> claimJson = new(claimCount);
        private readonly Dictionary<long, (string Url, string Title, string Stance)> evidenceById = [];
        private readonly Dictionary<long, (string Rating, List<VerdictTextRow> Texts, string? ChangeNote, string EvidenceIds)> verdictAudit = [];
        private readonly Dictionary<long, List<string>> changedLanguages = [];
        private (string Language, string TitleId) current;
        private long nextVerdictId = 1;
        private long nextEvidenceId = 1;
        private long nextCorrectionId = 1;

        private SqliteTransaction tx = null!;
        private Insert claims = null!, transitions = null!, topics = null!, appearances = null!, links = null!, verdicts = null!, verdictTexts = null!,
            votes = null!, evidence = null!, verdictEvidence = null!, ladders = null!, corrections = null!;

        public async Task RunAsync()
        {
            await connection.ExecuteAsync("PRAGMA cache_size = -262144;");
            tx = (SqliteTransaction)await connection.BeginTransactionAsync();

            // The insert trigger would record each claim as entering its final state at creation; the path's real
            // transitions are written here instead, and the trigger is put back exactly as the migration made it.
            var trigger = await connection.ExecuteScalarAsync<string>(
                "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'claims_transition_insert'", transaction: tx)
                ?? throw new InvalidOperationException("The claims_transition_insert trigger is missing: has migration 0009 changed?");
            await connection.ExecuteAsync("DROP TRIGGER claims_transition_insert", transaction: tx);

            // The app's own rows (creating the accounts) count towards the total.
            auditRows = Math.Max(0, auditRows - await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM audit_log", transaction: tx));
            var claimantIds = await InsertClaimantsAsync();
            claims = new Insert(connection, tx, "claims",
                "id", "slug", "title", "text", "language", "translation_en", "claimant_id", "said_on", "place", "kind", "figure_low", "figure_high", "figure_unit",
                "figure_as_of", "status", "version", "created_at", "created_by", "updated_at", "merged_into_id", "priority", "due_at", "assignee_id", "assigned_by",
                "stage_started_at", "merged_from_status", "rejection_reason", "published_verdict_id");
            transitions = new Insert(connection, tx, "claim_transitions", "claim_id", "from_status", "to_status", "at");
            topics = new Insert(connection, tx, "claim_topics", "claim_id", "topic");
            appearances = new Insert(connection, tx, "appearances", "claim_id", "url", "outlet", "published_on", "first_seen", "created_by", "created_at");
            links = new Insert(connection, tx, "claim_links", "from_claim_id", "to_claim_id", "relation", "created_by", "created_at");
            verdicts = new Insert(connection, tx, "verdicts",
                "id", "claim_id", "version", "state", "rating", "change_note", "author_id", "submitted_at", "published_at", "updated_at");
            verdictTexts = new Insert(connection, tx, "verdict_texts", "verdict_id", "language", "title", "summary", "explanation");
            votes = new Insert(connection, tx, "verdict_votes", "verdict_id", "voter_id", "vote", "at");
            evidence = new Insert(connection, tx, "evidence", "id", "claim_id", "url", "title", "stance", "note", "added_by", "added_at");
            verdictEvidence = new Insert(connection, tx, "verdict_evidence", "verdict_id", "evidence_id");
            ladders = new Insert(connection, tx, "ladders",
                "claim_id", "stage", "actor_id", "escalate_to", "started_at", "due_at", "due_soon_at", "escalate_at", "next_at", "ended_at");
            corrections = new Insert(connection, tx, "corrections",
                "id", "claim_id", "reason", "opened_by", "opened_at", "previous_verdict_id", "new_verdict_id", "published_at", "changed_languages");

            // Creation times over the two years, a little busier lately; ids follow creation, as they do in the app.
            var created = Enumerable.Range(0, claimCount)
                .Select(_ => T0 - TimeSpan.FromDays(Days * (1 - Math.Pow(random.NextDouble(), 0.85))))
                .Order()
                .ToArray();
            // A few claimants say most of what gets checked (a Zipf-like spread over an order unrelated to their side),
            // and each leans towards some ratings.
            var claimantWeights = Claimants.Select((_, i) => 1.0 / Math.Pow(1 + ((i * 7) % Claimants.Length), 0.7)).ToArray();
            var leans = Claimants.Select(_ => RatingWeights.Select(w => w * Math.Exp(0.5 * Gaussian())).ToArray()).ToArray();
            for (var i = 0; i < claimCount; i++)
            {
                var claimant = WeightedIndex(claimantWeights);
                WriteClaim(i + 1, created[i], claimantIds[claimant], leans[claimant]);
            }

            WriteAudit();
            await connection.ExecuteAsync(trigger, transaction: tx);
            foreach (var insert in new[] { claims, transitions, topics, appearances, links, verdicts, verdictTexts, votes, evidence, verdictEvidence, ladders, corrections })
            {
                insert.Dispose();
            }

            await tx.CommitAsync();
        }

        private async Task<long[]> InsertClaimantsAsync()
        {
            var ids = new long[Claimants.Length];
            for (var i = 0; i < Claimants.Length; i++)
            {
                var (name, kind, side) = Claimants[i];
                ids[i] = await connection.ExecuteScalarAsync<long>(
                    "INSERT INTO claimants (name, kind, affiliation, side, created_at) VALUES (@name, @kind, @side, @side, @at) RETURNING id",
                    new { name, kind, side, at = T0 - TimeSpan.FromDays(Days + 5) }, tx);
            }

            return ids;
        }

        /// One claim's path from creation to where it stands at T0, and every row it leaves.
        private void WriteClaim(long id, DateTimeOffset createdAt, long claimantId, double[] lean)
        {
            var indonesian = random.NextDouble() < 0.6;
            var place = Pick(Places);
            var (enSubject, enVerb, enObject) = (random.Next(EnSubjects.Length), random.Next(EnVerbs.Length), random.Next(EnObjects.Length));
            var title = Fit($"{EnSubjects[enSubject]} {EnVerbs[enVerb]} {EnObjects[enObject]} near {place}", 75);
            var saidOn = DateOnly.FromDateTime(createdAt.UtcDateTime).AddDays(-random.Next(0, 4));
            var said = saidOn.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
            var text = indonesian
                ? $"{IdSubjects[enSubject]} {IdVerbs[enVerb]} {IdObjects[enObject]} di {place} pada {saidOn.Day} {Months[saidOn.Month - 1]} {saidOn.Year}, menurut laporan {Pick(Outlets)}."
                  + (random.Next(2) == 0 ? " Klaim ini dibagikan ribuan kali di media sosial dan dibantah oleh pihak lain." : "")
                : $"{EnSubjects[enSubject]} {EnVerbs[enVerb]} {EnObjects[enObject]} near {place} on {said}, {Pick(Outlets)} reported."
                  + (random.Next(2) == 0 ? " The claim was shared thousands of times and denied by the other side." : "");
            var translation = indonesian && random.NextDouble() < 0.7
                ? $"{EnSubjects[enSubject]} {EnVerbs[enVerb]} {EnObjects[enObject]} near {place} on {said}."
                : null;
            var kind = random.Next(10) switch { < 4 => "statement", < 7 => "event", < 9 => "figure", _ => "quote" };
            double? low = kind == "figure" ? random.Next(3, 5000) : null;
            double? high = low is { } l && random.Next(2) == 0 ? l + random.Next(1, 800) : null;
            var topicList = PickTopics();
            var creator = random.NextDouble() < 0.7 ? Pick(Staff.Editors).Id : Pick(Staff.Checkers).Id;
            claimTitles.Add(title);
            current = (indonesian ? "id" : "en", Fit($"{IdSubjects[enSubject]} {IdVerbs[enVerb]} {IdObjects[enObject]} di {place}", 75));
            claimJson.Add(
                $$"""{"title":"{{title}}","text":"{{text}}","language":"{{(indonesian ? "id" : "en")}}","translationEn":{{Json(translation)}},"claimantId":{{claimantId}},"saidOn":"{{saidOn:yyyy-MM-dd}}","place":"{{place}}","kind":"{{kind}}","figureLow":{{Json(low)}},"figureHigh":{{Json(high)}},"figureUnit":{{(low is null ? "null" : "\"deaths\"")}},"figureAsOf":null,"topics":[{{string.Join(",", topicList.Select(t => $"\"{t}\""))}}]}""");

            var path = new ClaimPath(this, id, createdAt, creator);
            path.Simulate(lean);

            claims.Run(
                id, $"bench-{id}", title, text, indonesian ? "id" : "en", translation, claimantId, saidOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), place, kind,
                low, high, low is null ? null : "deaths", low is null ? null : saidOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                path.Status, path.Version, Time(createdAt), creator, Time(path.UpdatedAt), path.MergedInto, path.Priority, Time(path.DueAt), path.Assignee,
                path.AssignedBy, Time(path.StageStartedAt), path.MergedInto is null ? null : "new", path.RejectionReason, path.PublishedVerdictId);
            path.Flush();
            foreach (var topic in topicList)
            {
                topics.Run(id, topic);
            }

            if (random.NextDouble() < 0.7)
            {
                appearances.Run(id, $"https://news.example/{id}/{Pick(Outlets).Replace(' ', '-').ToLowerInvariant()}", Pick(Outlets),
                    saidOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), 1, creator, Time(createdAt));
            }

            if (id > 50 && random.NextDouble() < 0.05 && path.MergedInto is null)
            {
                links.Run(id, random.NextInt64(1, id), random.Next(2) == 0 ? "denies" : "disputes", creator, Time(createdAt.AddMinutes(random.Next(5, 600))));
            }
        }

        /// Walks one claim through the workflow, stopping where T0 finds it.
        private sealed class ClaimPath
        {
            private readonly Generator g;
            private readonly long id;
            private readonly DateTimeOffset createdAt;
            private readonly long creator;

            private readonly List<(string? From, string To, DateTimeOffset At)> steps;
            private readonly List<(long Id, DateTimeOffset At)> evidenceAdded = [];
            private readonly List<VerdictRow> verdictRows = [];
            private TimeSpan sla;

            public ClaimPath(Generator g, long id, DateTimeOffset createdAt, long creator)
            {
                this.g = g;
                this.id = id;
                this.createdAt = createdAt;
                this.creator = creator;
                steps = [(null, "new", createdAt)];
                UpdatedAt = createdAt;
            }

            public string Status => steps[^1].To;
            public int Version { get; private set; } = 1;
            public DateTimeOffset UpdatedAt { get; private set; }
            public DateTimeOffset StageStartedAt => steps[^1].At;
            public string? Priority { get; private set; }
            public DateTimeOffset? DueAt { get; private set; }
            public long? Assignee { get; private set; }
            public long? AssignedBy { get; private set; }
            public long? MergedInto { get; private set; }
            public string? RejectionReason { get; private set; }
            public long? PublishedVerdictId => verdictRows.LastOrDefault(v => v.State == "published")?.Id;

            public void Simulate(double[] lean)
            {
                var random = g.random;
                g.Event(createdAt, id, Act.Submit, creator, 1, 0);
                var age = (T0 - createdAt).TotalDays;
                var stall = random.NextDouble() < (age < 90 ? 0.08 : 0.015)
                    ? random.Next(100) switch { < 40 => "new", < 65 => "triaged", < 75 => "assigned", < 90 => "researching", _ => "in_review" }
                    : null;
                var fate = random.Next(100);
                var editor = g.Pick(g.Staff.Editors).Id;
                if (stall == "new")
                {
                    return;
                }

                if (stall is null && fate < 2 && id > 1)
                {
                    var at = createdAt + Hours(3, 0.8);
                    if (at < T0)
                    {
                        MergedInto = random.NextInt64(Math.Max(1, id - 2000), id);
                        Move("merged", at, editor, Act.Merge, MergedInto.Value);
                        g.links.Run(id, MergedInto.Value, "same-as", editor, Time(at));
                    }

                    return;
                }

                // About a third of claims are not checked: most are turned down straight away, some after triage.
                var rejected = stall is null && fate < 37;
                var triage = createdAt + Hours(rejected ? 6 : 4, 0.8);
                if (triage >= T0)
                {
                    return;
                }

                if (rejected && random.NextDouble() < 0.7)
                {
                    Reject(triage, editor);
                    return;
                }

                var priority = random.Next(10) switch { < 2 => 0, < 8 => 1, _ => 2 };
                Priority = priority switch { 0 => "high", 1 => "normal", _ => "low" };
                sla = TimeSpan.FromHours(priority switch { 0 => 24, 1 => 72, _ => 168 });
                DateTimeOffset? editorDue = random.NextDouble() < 0.2 ? triage + TimeSpan.FromHours(random.Next(24, 120)) : null;
                DueAt = editorDue;
                Move("triaged", triage, editor, Act.Triage, priority);
                if (stall == "triaged")
                {
                    return;
                }

                if (rejected)
                {
                    var at = triage + Hours(5, 0.8);
                    if (at < T0)
                    {
                        Reject(at, editor);
                    }

                    return;
                }

                var assigned = triage + Hours(2, 0.8);
                if (assigned >= T0)
                {
                    return;
                }

                Assignee = random.NextDouble() < 0.9 ? g.WeightedChecker() : g.Pick(g.Staff.Editors).Id;
                AssignedBy = editor;
                DueAt = editorDue is { } given && given > assigned ? given : assigned + sla;
                Move("assigned", assigned, editor, Act.Assign, Assignee.Value);
                var started = assigned + Hours(3, 0.9);
                if (stall == "assigned" || started >= T0)
                {
                    OpenResearchLadder(assigned);
                    return;
                }

                Move("researching", started, Assignee.Value, Act.Start, 0);
                var submitted = Research(started, (DueAt.Value - assigned) * 0.5, stall == "researching");
                if (submitted is null)
                {
                    OpenResearchLadder(assigned);
                    return;
                }

                EndedResearchLadder(assigned, submitted.Value);
                var verdict = Submit(submitted.Value, Ratings[WeightedIndex(random, lean)]);
                if (stall == "in_review")
                {
                    OpenReviewLadder(submitted.Value);
                    return;
                }

                // One verdict in eight goes back for changes once.
                if (random.NextDouble() < 0.12)
                {
                    var returned = submitted.Value + Hours(4, 0.7);
                    if (returned >= T0)
                    {
                        OpenReviewLadder(submitted.Value);
                        return;
                    }

                    EndedReviewLadder(submitted.Value, returned);
                    verdict.State = "returned";
                    verdict.Updated = returned;
                    Move("researching", returned, g.Pick(g.Staff.Editors).Id, Act.RequestChanges, verdict.Id);
                    submitted = Research(returned, TimeSpan.FromHours(12), stall: false);
                    if (submitted is null)
                    {
                        OpenResearchLadder(returned);
                        return;
                    }

                    EndedResearchLadder(returned, submitted.Value);
                    verdict = Submit(submitted.Value, verdict.Rating);
                }

                var published = submitted.Value + Hours(5, 0.7);
                if (published >= T0)
                {
                    OpenReviewLadder(submitted.Value);
                    return;
                }

                EndedReviewLadder(submitted.Value, published);
                Publish(verdict, published, correction: false);
                if (random.NextDouble() < 0.03)
                {
                    Correct(verdict, published, lean);
                }
            }

            /// Research until a verdict goes to review (evidence added on the way), or null when T0 comes first.
            private DateTimeOffset? Research(DateTimeOffset started, TimeSpan typical, bool stall)
            {
                var random = g.random;
                var done = started + TimeSpan.FromHours(typical.TotalHours * Math.Exp(0.5 * g.Gaussian()));
                var end = stall || done >= T0 ? T0 : done;
                for (var k = random.Next(1, 4); k > 0; k--)
                {
                    var at = started + ((end - started) * random.NextDouble());
                    var evidenceId = g.nextEvidenceId++;
                    var title = $"{g.Pick(EvidenceSources)} on {g.claimTitles[^1]}";
                    var stance = random.Next(10) switch { < 5 => "refutes", < 8 => "supports", _ => "context" };
                    var url = $"https://sources.example/{id}/{evidenceId}";
                    g.evidence.Run(evidenceId, id, url, title, stance, EvidenceNote, Assignee, Time(at));
                    g.evidenceById[evidenceId] = (url, title, stance);
                    g.Event(at, id, Act.AddEvidence, Assignee!.Value, 0, evidenceId);
                    evidenceAdded.Add((evidenceId, at));
                }

                return stall || done >= T0 ? null : done;
            }

            private VerdictRow Submit(DateTimeOffset at, string rating, bool correction = false)
            {
                var verdictId = g.nextVerdictId++;
                var languages = verdictId % 2 == 0 ? VerdictLanguages.All : [g.current.Language];
                var row = new VerdictRow
                {
                    Id = verdictId,
                    Rating = rating,
                    Texts = languages.Select(l => Text(l, rating, correction)).ToList(),
                    ChangeNote = correction ? CorrectionNote : null,
                    Submitted = at,
                    Updated = at,
                };
                verdictRows.Add(row);
                var evidenceIds = evidenceAdded.Where(e => e.At <= at).Select(e => e.Id).ToList();
                foreach (var evidenceId in evidenceIds)
                {
                    g.verdictEvidence.Run(row.Id, evidenceId);
                }

                g.verdictAudit[row.Id] = (rating, row.Texts, row.ChangeNote, string.Join(",", evidenceIds));
                Move("in_review", at, Assignee!.Value, Act.SubmitVerdict, row.Id);
                return row;
            }

            private void Publish(VerdictRow verdict, DateTimeOffset at, bool correction)
            {
                var previous = verdictRows.LastOrDefault(v => v.State == "published");
                if (previous is not null)
                {
                    previous.State = "superseded";
                    previous.Updated = at;
                }

                verdict.State = "published";
                verdict.Version = (previous?.Version ?? 0) + 1;
                verdict.Published = at;
                verdict.Updated = at;
                var editors = g.Staff.Editors.Where(e => e.Id != Assignee).ToList();
                var approver = editors[g.random.Next(editors.Count)].Id;
                g.votes.Run(verdict.Id, approver, "approve", Time(at));
                Move("published", at, approver, Act.Approve, verdict.Id | ((long)verdict.Version << 40) | (correction ? 1L << 50 : 0));
            }

            /// A public correction some days later: back to research with a new deadline, a new verdict, its review
            /// and publication; the first verdict stays public until then.
            private void Correct(VerdictRow publishedVerdict, DateTimeOffset published, double[] lean)
            {
                var random = g.random;
                var opened = published + TimeSpan.FromDays(2 + (random.NextDouble() * 58));
                if (opened >= T0)
                {
                    return;
                }

                var editor = g.Pick(g.Staff.Editors).Id;
                var correctionId = g.nextCorrectionId++;
                Move("researching", opened, editor, Act.Correct, correctionId | (publishedVerdict.Id << 24));
                var submitted = Research(opened, TimeSpan.FromHours(8), stall: false);
                if (submitted is null)
                {
                    OpenResearchLadder(opened);
                    g.corrections.Run(correctionId, id, CorrectionReason, editor, Time(opened), publishedVerdict.Id, null, null, null);
                    return;
                }

                EndedResearchLadder(opened, submitted.Value);
                var verdict = Submit(submitted.Value, random.NextDouble() < 0.5 ? publishedVerdict.Rating : Ratings[WeightedIndex(random, lean)], correction: true);
                var republished = submitted.Value + Hours(5, 0.7);
                if (republished >= T0)
                {
                    OpenReviewLadder(submitted.Value);
                    g.corrections.Run(correctionId, id, CorrectionReason, editor, Time(opened), publishedVerdict.Id, null, null, null);
                    return;
                }

                EndedReviewLadder(submitted.Value, republished);
                // What ApproveVerdict records: the language versions added, rewritten or dropped.
                var changed = VerdictLanguages.All.Where(l =>
                    publishedVerdict.Texts.FirstOrDefault(t => t.Language == l) != verdict.Texts.FirstOrDefault(t => t.Language == l)).ToList();
                g.changedLanguages[verdict.Id] = changed;
                Publish(verdict, republished, correction: true);
                g.corrections.Run(correctionId, id, CorrectionReason, editor, Time(opened), publishedVerdict.Id, verdict.Id, Time(republished), string.Join(' ', changed));
            }

            private void Reject(DateTimeOffset at, long editor)
            {
                var reason = g.random.Next(RejectReasons.Length);
                RejectionReason = RejectReasons[reason];
                DueAt = null;
                Move("rejected", at, editor, Act.Reject, reason);
            }

            private void Move(string to, DateTimeOffset at, long actor, Act act, long detail)
            {
                g.Event(at, id, act, actor, Version, detail, Status);
                steps.Add((Status, to, at));
                Version++;
                UpdatedAt = at;
            }

            /// What Deadlines.SyncAsync does when research starts: the ladder is due at the claim's deadline unless that
            /// has passed (then the priority's SLA from now), due soon at 75 % of the way, escalated 4 h after the
            /// deadline; next_at is the first step still ahead of T0, as the sweep would have left it.
            private (DateTimeOffset Due, DateTimeOffset DueSoon, DateTimeOffset Escalate) ResearchSteps(DateTimeOffset started)
            {
                var due = DueAt is { } given && given > started ? given : started + sla;
                return (due, started + ((due - started) * 0.75), due + TimeSpan.FromHours(4));
            }

            private void OpenResearchLadder(DateTimeOffset started)
            {
                var (due, dueSoon, escalate) = ResearchSteps(started);
                var next = new[] { dueSoon, due, escalate }.Where(t => t > T0).Select(t => (DateTimeOffset?)t).FirstOrDefault();
                g.ladders.Run(id, "verdict", Assignee, AssignedBy, Time(started), Time(due), Time(dueSoon), Time(escalate), Time(next), null);
            }

            private void EndedResearchLadder(DateTimeOffset started, DateTimeOffset ended)
            {
                var (due, dueSoon, escalate) = ResearchSteps(started);
                var next = new[] { dueSoon, due, escalate }.Where(t => t > ended).Select(t => (DateTimeOffset?)t).FirstOrDefault();
                g.ladders.Run(id, "verdict", Assignee, AssignedBy, Time(started), Time(due), Time(dueSoon), Time(escalate), Time(next), Time(ended));
            }

            private void OpenReviewLadder(DateTimeOffset started)
            {
                var due = started + TimeSpan.FromHours(12);
                g.ladders.Run(id, "review", null, null, Time(started), Time(due), Time(started + TimeSpan.FromHours(9)), null, Time(due > T0 ? due : null), null);
            }

            private void EndedReviewLadder(DateTimeOffset started, DateTimeOffset ended)
            {
                var due = started + TimeSpan.FromHours(12);
                g.ladders.Run(id, "review", null, null, Time(started), Time(due), Time(started + TimeSpan.FromHours(9)), null, Time(due > ended ? due : null), Time(ended));
            }

            /// The verdicts in their final state, and the transitions (the trigger's job in the app).
            public void Flush()
            {
                foreach (var v in verdictRows)
                {
                    g.verdicts.Run(v.Id, id, v.Version, v.State, v.Rating, v.ChangeNote, Assignee, Time(v.Submitted), Time(v.Published), Time(v.Updated));
                    foreach (var t in v.Texts)
                    {
                        g.verdictTexts.Run(v.Id, t.Language, t.Title, t.Summary, t.Explanation);
                    }
                }

                foreach (var (from, to, at) in steps)
                {
                    g.transitions.Run(id, from, to, Time(at));
                }
            }

            private TimeSpan Hours(double median, double spread) =>
                TimeSpan.FromHours(Math.Clamp(median * Math.Exp(spread * g.Gaussian()), median / 20, median * 20));

            /// One language version: titled as the claim (in Indonesian for the Indonesian one), the rating in that
            /// language's label; a correction's text says what it corrects.
            private VerdictTextRow Text(string language, string rating, bool correction)
            {
                var label = RatingScale.Default.First(r => r.Key == rating).Label(language).ToLowerInvariant();
                if (language == "id")
                {
                    var titleId = g.current.TitleId;
                    return new VerdictTextRow(
                        "id",
                        titleId,
                        Fit($"Kami menilai klaim ini {label}: sumber yang kami temukan tidak cocok dengan isi klaim. {titleId}.", 280),
                        $"""
                        Klaim ini menyebar di media sosial dalam hitungan jam. Kami melacak unggahan paling awal, membandingkannya dengan citra
                        satelit dan laporan wartawan di lapangan, serta meminta tanggapan kedua kementerian pertahanan.

                        **Temuan kami.** Tempat dan tanggal dalam klaim tidak cocok dengan sumber: rekaman itu lebih dulu diunggah di tempat
                        lain, dan kerusakan yang terlihat sudah tampak pada citra yang diambil sebelum tanggal tersebut. Satu kementerian tidak menjawab.

                        Kami menilai klaim ini **{label}**.{(correction ? "\n\n**Koreksi.** Versi sebelumnya keliru menyebut tanggal rekaman; video aslinya direkam setahun lebih awal." : "")}
                        """);
                }

                var title = g.claimTitles[^1];
                return new VerdictTextRow(
                    "en",
                    title,
                    Fit($"We rate this {label}: the sources we found do not match what the claim says. {title}.", 280),
                    $"""
                    The claim spread on social media within hours. We traced the earliest upload, compared it with satellite imagery
                    and with reports from journalists on the ground, and asked both ministries of defence for comment.

                    **What we found.** The place and the date in the claim do not match the sources: the footage was first posted
                    elsewhere, and the damage it shows is visible in images taken before the date given. One ministry did not answer.

                    We rate the claim **{label}**.{(correction ? "\n\n**Correction.** An earlier version gave the wrong date for the footage; the original video was filmed a year earlier." : "")}
                    """);
            }
        }

        private sealed record VerdictTextRow(string Language, string Title, string Summary, string Explanation);

        private sealed class VerdictRow
        {
            public long Id { get; init; }
            public int? Version { get; set; }
            public string State { get; set; } = "in_review";
            public string Rating { get; init; } = "";
            public List<VerdictTextRow> Texts { get; init; } = [];
            public string? ChangeNote { get; init; }
            public DateTimeOffset Submitted { get; init; }
            public DateTimeOffset? Published { get; set; }
            public DateTimeOffset Updated { get; set; }
        }

        private void Event(DateTimeOffset at, long claim, Act act, long actor, int version, long detail, string? from = null) =>
            events.Add(new AuditEvent { Ticks = at.UtcTicks, Claim = (int)claim, Act = act, Actor = (int)actor, Version = version, Detail = detail, From = from });

        /// The audit log in time order: the workflow's own rows, topped up with appearances and reassignments (or
        /// thinned at random) to the requested count.
        private void WriteAudit()
        {
            var natural = events.Count;
            for (var i = natural; i < auditRows; i++)
            {
                var claim = random.Next(1, claimCount + 1);
                var first = events[random.Next(natural)];
                var at = new DateTimeOffset(Math.Min(T0.UtcTicks - 1, first.Ticks + (long)(random.NextDouble() * TimeSpan.FromDays(20).Ticks)), TimeSpan.Zero);
                var reassign = random.Next(10) == 0;
                events.Add(new AuditEvent
                {
                    Ticks = at.UtcTicks, Claim = first.Claim, Act = reassign ? Act.Reassign : Act.AddAppearance,
                    Actor = (int)(reassign ? Pick(Staff.Editors).Id : Pick(Staff.Checkers).Id), Version = first.Version, Detail = claim,
                });
            }

            if (events.Count > auditRows)
            {
                for (var i = 0; i < auditRows; i++)
                {
                    var j = random.Next(i, events.Count);
                    (events[i], events[j]) = (events[j], events[i]);
                }

                events.RemoveRange(auditRows, events.Count - auditRows);
            }

            events.Sort((a, b) => a.Ticks != b.Ticks ? a.Ticks.CompareTo(b.Ticks) : a.Claim != b.Claim ? a.Claim.CompareTo(b.Claim) : a.Version.CompareTo(b.Version));
            using var audit = new Insert(connection, tx, "audit_log", "at", "actor_id", "actor_name", "action", "entity", "entity_id", "before_json", "after_json");
            foreach (var e in events)
            {
                var (action, before, after) = Describe(e);
                audit.Run(Time(new DateTimeOffset(e.Ticks, TimeSpan.Zero)), (long)e.Actor, names[e.Actor], action, "claim", e.Claim.ToString(CultureInfo.InvariantCulture), before, after);
            }
        }

        /// The audit row the command would have written: before and after as Workflow.MoveAsync and the handlers record them.
        private (string Action, string? Before, string? After) Describe(AuditEvent e)
        {
            var v = e.Version;
            var at = new DateTimeOffset(e.Ticks, TimeSpan.Zero);
            string Before() => $$"""{"status":"{{e.From}}","version":{{v}}}""";
            (string, string?, string?) Moved(string action, string to, string details) =>
                (action, Before(), $$"""{"status":"{{to}}","version":{{v + 1}},"details":{{details}}}""");
            switch (e.Act)
            {
                case Act.Submit:
                    return ("SubmitClaim", null, claimJson[e.Claim - 1]);
                case Act.Triage:
                    return Moved("TriageClaim", "triaged", $$"""{"priority":"{{(e.Detail switch { 0 => "high", 1 => "normal", _ => "low" })}}","dueAt":null,"comment":null}""");
                case Act.Assign:
                    return Moved("AssignClaim", "assigned", $$"""{"assigneeId":{{e.Detail}},"assignee":"{{names[e.Detail]}}","dueAt":"{{Time(at.AddDays(3))}}","comment":null}""");
                case Act.Start:
                    return Moved("StartResearch", "researching", "null");
                case Act.AddEvidence:
                    var (url, title, stance) = evidenceById[e.Detail];
                    return ("AddEvidence", null, $$"""{"evidenceId":{{e.Detail}},"url":"{{url}}","title":"{{title}}","stance":"{{stance}}","note":"{{EvidenceNote}}"}""");
                case Act.SubmitVerdict:
                    var (rating, texts, changeNote, evidenceIds) = verdictAudit[e.Detail];
                    return Moved("SubmitVerdict", "in_review",
                        $$"""{"verdictId":{{e.Detail}},"rating":"{{rating}}","attribution":null,"languages":{{Json(texts.Select(t => t.Language))}},"texts":{{Json(texts.Select(t => new { t.Language, t.Title, t.Summary }))}},"changeNote":{{Json(changeNote)}},"evidenceIds":[{{evidenceIds}}]}""");
                case Act.RequestChanges:
                    return Moved("RequestChanges", "researching", $$"""{"verdictId":{{e.Detail}},"comment":"Name the second source and say when the video was first posted."}""");
                case Act.Approve:
                    var approved = e.Detail & ((1L << 40) - 1);
                    var corrected = (e.Detail & (1L << 50)) != 0;
                    return Moved("ApproveVerdict", "published",
                        $$"""{"verdictId":{{approved}},"vote":"approve","note":null,"overrideReason":null,"votes":1,"needed":1,"published":true,"verdictVersion":{{(e.Detail >> 40) & 0x3FF}},"languages":{{Json(verdictAudit[approved].Texts.Select(t => t.Language))}},"correction":{{(corrected ? "true" : "false")}},"changedLanguages":{{(corrected ? Json(changedLanguages[approved]) : "null")}}}""");
                case Act.Reject:
                    return Moved("RejectClaim", "rejected", $$"""{"reason":"{{RejectReasons[e.Detail]}}"}""");
                case Act.Merge:
                    return Moved("LinkClaims", "merged", $$"""{"toClaimId":{{e.Detail}},"relation":"same-as","note":null}""");
                case Act.Correct:
                    return Moved("CorrectVerdict", "researching", $$"""{"correctionId":{{e.Detail & 0xFFFFFF}},"reason":"{{CorrectionReason}}","publishedVerdictId":{{e.Detail >> 24}}}""");
                case Act.Reassign:
                    var to = Staff.Checkers[(int)(e.Detail % Staff.Checkers.Count)];
                    var handover = $$"""{"assigneeId":{{to.Id}},"assignee":"{{to.Name}}","previousAssigneeId":null,"previousAssignee":null,"dueAt":null,"comment":"Back from leave: taking over."}""";
                    return ("ReassignClaim", $$"""{"status":"researching","version":{{v}}}""", $$"""{"status":"researching","version":{{v + 1}},"details":{{handover}}}""");
                default:
                    return ("AddAppearance", null,
                        $$"""{"appearanceId":{{e.Detail}},"url":"https://news.example/{{e.Claim}}/{{e.Detail}}","outlet":"{{Outlets[(int)(e.Detail % Outlets.Length)]}}","publishedOn":"{{at:yyyy-MM-dd}}","quote":"{{claimTitles[e.Claim - 1]}}"}""");
            }
        }

        private List<string> PickTopics()
        {
            var first = random.NextDouble() < 0.4 ? Topics[0] : Pick(Topics);
            var list = new List<string> { first };
            var count = random.Next(10) switch { < 2 => 1, < 9 => 2, _ => 3 };
            while (list.Count < count)
            {
                var next = Pick(Topics);
                if (!list.Contains(next))
                {
                    list.Add(next);
                }
            }

            return list;
        }

        // Some fact-checkers carry three times the work of others.
        private long WeightedChecker() => Staff.Checkers[Math.Min(Staff.Checkers.Count - 1, (int)(Staff.Checkers.Count * Math.Pow(random.NextDouble(), 1.6)))].Id;

        private int WeightedIndex(double[] weights) => WeightedIndex(random, weights);

        private static int WeightedIndex(Random random, double[] weights)
        {
            var x = random.NextDouble() * weights.Sum();
            for (var i = 0; i < weights.Length; i++)
            {
                x -= weights[i];
                if (x < 0)
                {
                    return i;
                }
            }

            return weights.Length - 1;
        }

        private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

        private double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
    }

    private const string CorrectionReason = "A reader sent the original, longer video: the footage was filmed a year earlier than the verdict said.";
    private const string CorrectionNote = "The footage was filmed a year earlier than the first version said; the date and the rating's reasoning are corrected.";
    private const string EvidenceNote = "Checked against the original upload and the date it was first posted.";

    private static string? Time(DateTimeOffset? at) => at is { } value ? DapperTypeHandlers.Format(value) : null;

    private static readonly JsonSerializerOptions AuditJson = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Json(string? value) => value is null ? "null" : $"\"{value}\"";

    private static string Json<T>(IEnumerable<T> values) => JsonSerializer.Serialize(values, AuditJson);

    private static string Json(double? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "null";

    private static string Fit(string text, int max) => text.Length <= max ? text : text[..text.LastIndexOf(' ', max - 1)];

    /// One prepared INSERT, its parameters bound by position and reused for every row.
    private sealed class Insert : IDisposable
    {
        private readonly SqliteCommand command;
        private readonly SqliteParameter[] parameters;

        public Insert(SqliteConnection connection, SqliteTransaction transaction, string table, params string[] columns)
        {
            command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
            parameters = columns.Select((_, i) => command.Parameters.Add(new SqliteParameter($"$p{i}", DBNull.Value))).ToArray();
            command.Prepare();
        }

        public void Run(params object?[] values)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = values[i] ?? DBNull.Value;
            }

            command.ExecuteNonQuery();
        }

        public void Dispose() => command.Dispose();
    }
}
