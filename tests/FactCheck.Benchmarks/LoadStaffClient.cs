using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace FactCheck.Benchmarks;

/// One of the load scenario's staff clients: a small desk working through the JSON API in a closed loop, each person
/// with a bearer token of this client's own (POST /api/tokens). A fact-checker records a claim, an editor looks it up
/// and triages it, assigns it to the fact-checker with a due date, who starts research, adds a source and submits a
/// verdict; the other editor approves it (and, with a quorum of two, the first one too, as ReviewDriver does) and it
/// is published; the desk searches its claims, reads the dashboard, and an editor amends one of the verdicts this
/// client looks after (its own, and its share of the demo's published ones). Every claim this client acts on is its
/// own, so its versions never race another client's: a 409 would be a scenario bug or a server one, and counts as an
/// error. Verdicts it publishes join the readers' pages, and each publication or amendment evicts cached public pages.
public sealed class LoadStaffClient
{
    public const string SubmitClaim = LoadRecorder.ApiPrefix + ": submit claim POST /api/claims/";
    public const string Action = LoadRecorder.ApiPrefix + ": workflow action POST /api/claims/{id}/actions/…";
    public const string Evidence = LoadRecorder.ApiPrefix + ": add evidence POST /api/claims/{id}/evidence";
    public const string ReadClaim = LoadRecorder.ApiPrefix + ": read claim GET /api/claims/{id}";
    public const string SearchClaims = LoadRecorder.ApiPrefix + ": search claims GET /api/claims/?…";
    public const string Dashboard = LoadRecorder.ApiPrefix + ": dashboard GET /api/dashboard";

    public static readonly string[] Classes = [SubmitClaim, Action, Evidence, ReadClaim, SearchClaims, Dashboard];

    private static readonly string[] Ratings = ["false", "mostly-false", "misleading", "mixed", "mostly-true"];
    private static readonly string[] Claimants = ["Kementerian Pertahanan", "Ministry of Foreign Affairs", "Regional Governor's Office"];

    private readonly HttpClient client;
    private readonly LoadRecorder recorder;
    private readonly VerdictPages pages;
    private readonly int index;
    private readonly List<long> published;
    private AuthenticationHeaderValue checker = null!;
    private AuthenticationHeaderValue editor = null!;
    private AuthenticationHeaderValue approver = null!;
    private long checkerId;
    private int cycles;
    private int amended;

    private LoadStaffClient(HttpClient client, LoadRecorder recorder, VerdictPages pages, int index, List<long> published)
    {
        this.client = client;
        this.recorder = recorder;
        this.pages = pages;
        this.index = index;
        this.published = published;
    }

    /// Verdicts this client published during the run.
    public int Published { get; private set; }

    /// Signs the client's three people in (even clients: checker, editor, editor2; odd: checker2, editor2, editor);
    /// `demoVerdicts` are the published demo claims this client may amend (no other client touches them).
    public static async Task<LoadStaffClient> SignInAsync(
        HttpClient client, LoadRecorder recorder, VerdictPages pages, int index, IEnumerable<long> demoVerdicts, CancellationToken cancellationToken)
    {
        var staff = new LoadStaffClient(client, recorder, pages, index, [.. demoVerdicts]);
        var even = index % 2 == 0;
        staff.checker = await TokenAsync(client, even ? "checker" : "checker2", cancellationToken);
        staff.editor = await TokenAsync(client, even ? "editor" : "editor2", cancellationToken);
        staff.approver = await TokenAsync(client, even ? "editor2" : "editor", cancellationToken);
        using var me = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        me.Headers.Authorization = staff.checker;
        using var answer = await client.SendAsync(me, cancellationToken);
        staff.checkerId = (await answer.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetInt64();
        return staff;
    }

    public static async Task<AuthenticationHeaderValue> TokenAsync(HttpClient client, string username, CancellationToken cancellationToken)
    {
        using var issued = await client.PostAsJsonAsync("/api/tokens", new { username, password = PublicPageApp.DemoPassword }, cancellationToken);
        if (!issued.IsSuccessStatusCode)
        {
            throw new ScenarioFailedException($"POST /api/tokens for {username} answered {(int)issued.StatusCode}: {await issued.Content.ReadAsStringAsync(cancellationToken)}");
        }

        var token = await issued.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return new AuthenticationHeaderValue("Bearer", token.GetProperty("token").GetString());
    }

    /// Works claim after claim until stopped; a claim whose step failed (recorded as an error) is left where it is.
    public async Task RunAsync(CancellationToken stop, CancellationToken interrupted)
    {
        while (!stop.IsCancellationRequested)
        {
            bool completed;
            try
            {
                completed = await CycleAsync(stop, interrupted);
            }
            catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException)
            {
                // An answer with the expected status that lacks a field the next step needs (id, slug, version, status).
                recorder.Fail(Action, $"An answer lacked what the next step needs: {ex.Message}");
                completed = false;
            }

            if (!completed)
            {
                // The error is recorded and fails the run (zero errors is the criterion); this client stops rather
                // than repeat it against a failing server. The other virtual users carry on, so the report is whole.
                return;
            }
        }
    }

    private async Task<bool> CycleAsync(CancellationToken stop, CancellationToken interrupted)
    {
        var n = ++cycles;
        var inv = CultureInfo.InvariantCulture;
        var submitted = await JsonAsync(SubmitClaim, HttpMethod.Post, "/api/claims/", checker, new
        {
            title = string.Create(inv, $"Shelling of border villages, desk {index} report {n}"),
            text = string.Create(inv, $"Pasukan menembaki {n} desa di perbatasan pada malam hari, kata juru bicara ({index}.{n})."),
            language = "id",
            claimantName = Claimants[n % Claimants.Length],
            claimantKind = "government",
            kind = "statement",
        }, HttpStatusCode.Created, interrupted);
        if (submitted is not { } claim || stop.IsCancellationRequested)
        {
            return submitted is not null;
        }

        var id = claim.GetProperty("id").GetInt64();
        var slug = claim.GetProperty("slug").GetString()!;
        var actions = $"/api/claims/{id}/actions/";
        if (await ClaimAsync(id, editor, interrupted) is not { } version
            || await ActAsync(actions + "triage", editor, new { version, priority = n % 3 == 0 ? "normal" : "high" }, interrupted) is not { } triaged
            || await ActAsync(actions + "assign", editor, new { version = triaged, assigneeId = checkerId, dueDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2) }, interrupted) is not { } assigned
            || await ActAsync(actions + "start", checker, new { version = assigned }, interrupted) is null)
        {
            return false;
        }

        if (stop.IsCancellationRequested)
        {
            return true;
        }

        // A source changes the claim's version without answering with it: the fact-checker reloads the claim.
        if (await JsonAsync(Evidence, HttpMethod.Post, $"/api/claims/{id}/evidence", checker, new
            {
                url = string.Create(inv, $"https://example.org/sources/{index}/{n}"),
                title = "Satellite images of the villages",
                stance = "refutes",
            }, HttpStatusCode.Created, interrupted) is null
            || await ClaimAsync(id, checker, interrupted) is not { } researched
            || await ActAsync(actions + "submit", checker, new
            {
                version = researched,
                rating = Ratings[n % Ratings.Length],
                attribution = "confirmed",
                // Both language versions, as the demo's verdicts have, so an amendment of the English one fits every
                // verdict this client looks after.
                texts = new
                {
                    id = new
                    {
                        title = string.Create(inv, $"Penembakan desa-desa perbatasan, laporan desk {index} nomor {n}"),
                        summary = "Citra satelit menunjukkan desa-desa itu utuh pada hari-hari yang disebut.",
                        explanation = "Citra dari **dua penyedia**, diambil pada hari-hari yang disebut juru bicara, tidak menunjukkan kerusakan.",
                    },
                    en = new
                    {
                        title = string.Create(inv, $"Shelling of border villages, desk {index} report {n}"),
                        summary = "Satellite images show the villages intact on the days named.",
                        explanation = "Images from **two providers**, taken on the days the spokesperson named, show no damage.",
                    },
                },
            }, interrupted) is not { } inReview
            || await ActForStatusAsync(actions + "approve", approver, new { version = inReview }, interrupted) is not { } approved)
        {
            return false;
        }

        // A desk with a quorum of two needs a second editor's approval.
        if (approved.Status == "in_review" && await ActForStatusAsync(actions + "approve", editor, new { version = approved.Version }, interrupted) is not { Status: "published" })
        {
            recorder.Fail(Action, $"Claim {id} was not published after two approvals.");
            return false;
        }

        pages.Add(slug);
        published.Add(id);
        Published++;
        if (stop.IsCancellationRequested)
        {
            return true;
        }

        var page = 1 + (n % 2);
        if (await JsonAsync(SearchClaims, HttpMethod.Get, string.Create(inv, $"/api/claims/?q=border&status=published&page={page}"), editor, null, HttpStatusCode.OK, interrupted) is null
            || await JsonAsync(Dashboard, HttpMethod.Get, "/api/dashboard", editor, null, HttpStatusCode.OK, interrupted) is null)
        {
            return false;
        }

        // The oldest verdicts first, round and round: the demo's (read most) as often as the client's own.
        var amend = published[amended++ % published.Count];
        return await ClaimAsync(amend, editor, interrupted) is { } current
            && await ActAsync($"/api/claims/{amend}/actions/amend", editor, new
            {
                version = current,
                language = "en",
                summary = string.Create(inv, $"The images show no damage on the days named (wording revised, {index}.{n})."),
                note = "Clearer wording",
            }, interrupted) is not null;
    }

    /// The claim's current version, as the person reading it sees it.
    private async Task<long?> ClaimAsync(long id, AuthenticationHeaderValue token, CancellationToken interrupted) =>
        await JsonAsync(ReadClaim, HttpMethod.Get, $"/api/claims/{id}", token, null, HttpStatusCode.OK, interrupted) is { } claim
            ? claim.GetProperty("version").GetInt64()
            : null;

    /// A workflow action; answers with the claim's new version (and status).
    private async Task<long?> ActAsync(string path, AuthenticationHeaderValue token, object body, CancellationToken interrupted) =>
        (await ActForStatusAsync(path, token, body, interrupted))?.Version;

    private async Task<(long Version, string Status)?> ActForStatusAsync(string path, AuthenticationHeaderValue token, object body, CancellationToken interrupted) =>
        await JsonAsync(Action, HttpMethod.Post, path, token, body, HttpStatusCode.OK, interrupted) is { } claim
            ? (claim.GetProperty("version").GetInt64(), claim.GetProperty("status").GetString()!)
            : null;

    private async Task<JsonElement?> JsonAsync(
        string requestClass, HttpMethod method, string path, AuthenticationHeaderValue token, object? body, HttpStatusCode expected, CancellationToken interrupted)
    {
        if (await recorder.SendAsync(client, requestClass, method, path, token, body, expected, interrupted) is not { } bytes)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            recorder.Fail(requestClass, $"{method} {path} answered {expected} with a body that is not JSON: {ex.Message}");
            return null;
        }
    }
}
