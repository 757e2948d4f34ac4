using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FactCheck.Tests.Review;
using FactCheck.Web.Features.Claims;
using FactCheck.Web.Features.Review;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace FactCheck.Tests.Reliability;

/// The hostile corpus against every write endpoint of the API, read from the routing table (an endpoint without a
/// case fails the test). Each endpoint gets a valid body from someone allowed to send it, then every corpus string in
/// each of its text fields, one at a time, and every malformed body. The answer is a 400 whose problem details name
/// the field (401 for credentials), with not one row changed anywhere; or a 2xx with the value read back exactly from
/// the API or the audit log. Never a 500.
public sealed class HostileApiInputTests(ITestOutputHelper output) : IDisposable
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private readonly TestApp app = new TestApp().Start();


    public void Dispose() => app.Dispose();

    /// Where a request goes, and the claim (if any) whose detail shows what it stored.
    private sealed record Target(string Path, long? ClaimId = null, string? ReadBack = null);

    /// One write endpoint (or one workflow action) with a valid request from someone allowed to send it. Prepare is
    /// called again only after a request succeeded, since success may use the target up (a claim moves on).
    private sealed record Case(
        string Endpoint, string Label, string Caller, Type? BodyType, Func<Task<Target>> PrepareAsync, Func<Target, Task<object?>> BodyAsync,
        IReadOnlySet<string>? MayWrite = null, bool ValidSucceeds = true, Action<JsonNode>? Fixup = null, string? StoredSql = null, string? Carrier = null);

    private async Task<List<Case>> CasesAsync()
    {
        var review = await ReviewDriver.CreateAsync(app);
        var demoClaim = await app.ScalarAsync<long>("SELECT min(id) FROM claims");
        var demoClaimant = await app.ScalarAsync<long>("SELECT min(id) FROM claimants");
        async Task<Target> ClaimIn(string state, string suffix = "")
        {
            var id = await review.ClaimInStateAsync(state);
            return new Target($"/api/claims/{id}{suffix}", id);
        }

        string Fresh() => "https://example.org/hostile/" + Guid.NewGuid().ToString("N");
        var cases = new List<Case>
        {
            new("POST /api/tokens", "tokens", "", typeof(Web.Features.Accounts.IssueApiToken), () => Task.FromResult(new Target("/api/tokens")),
                _ => Task.FromResult<object?>(new { username = "checker", password = TestApp.DemoPassword, name = "newsroom CMS" }), MayWrite: new HashSet<string> { "api_tokens", "audit_log", "sign_in_failures" }),
            new("POST /api/claims/", "submit claim", "editor", typeof(SubmitClaim), () => Task.FromResult(new Target("/api/claims/")),
                _ => Task.FromResult<object?>(new SubmitClaim
                {
                    Title = "Pasukan Azerbaijan menyerang gedung di Stepanakert",
                    Text = "Pejabat setempat mengatakan pasukan Azerbaijan menyerang gedung di Stepanakert " + Guid.NewGuid().ToString("N"),
                    Language = "id",
                    TranslationEn = "Local officials say Azerbaijani forces attacked buildings in Stepanakert.",
                    ClaimantName = "Pejabat setempat " + Guid.NewGuid().ToString("N")[..8], // a new claimant, so its affiliation and side are stored
                    ClaimantKind = "government",
                    ClaimantAffiliation = "Nagorno-Karabakh",
                    ClaimantSide = "Armenia",
                    Place = "Stepanakert",
                    Kind = "figure",
                    FigureLow = 4000,
                    FigureHigh = 5000,
                    FigureUnit = "deaths",
                    Topics = ["nagorno-karabakh"],
                    AppearanceUrl = Fresh(),
                    AppearanceOutlet = "Kompas",
                    Links = [new NewLink(demoClaim, "disputes", "Baku menyangkal")],
                })),
            new("PUT /api/claimants/{id:long}/side", "claimant side", "editor", typeof(ClaimEndpoints.SideRequest),
                () => Task.FromResult(new Target($"/api/claimants/{demoClaimant}/side", ReadBack: $"/api/claimants/{demoClaimant}")),
                async _ => new { side = "Azerbaijan", version = await app.ScalarAsync<long>("SELECT version FROM claimants WHERE id = @demoClaimant", new { demoClaimant }) }),
            new("POST /api/claims/{id:long}/appearances", "appearance", "checker", typeof(AddAppearance), () => ClaimIn("new", "/appearances"),
                _ => Task.FromResult<object?>(new { url = Fresh(), outlet = "Kompas", quote = "Baku membantah", publishedOn = "2020-10-20" })),
            new("POST /api/claims/{id:long}/evidence", "evidence", "checker", typeof(AddEvidence), () => ClaimIn("researching", "/evidence"),
                _ => Task.FromResult<object?>(new { url = Fresh(), title = "Citra satelit", stance = "refutes", note = "Dua penyedia" })),
            new("POST /api/claims/{id:long}/links", "link", "checker", typeof(ClaimEndpoints.LinkRequest), async () =>
                {
                    var from = await review.NewClaimAsync();
                    return new Target($"/api/claims/{from}/links", from);
                },
                async _ => new { toClaimId = await review.NewClaimAsync(), relation = "denies", note = "Baku menyangkal" }),
            new("POST /api/claims/{id:long}/deadline", "deadline", "editor", typeof(Web.Features.Reminders.ExtendDeadline), () => ClaimIn("assigned", "/deadline"),
                async t => new { version = await review.VersionAsync(t.ClaimId!.Value), dueDate = review.Tomorrow.AddDays(5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), reason = "Menunggu data rumah sakit" }),
            new("POST /api/claims/{id:long}/snooze", "snooze", "editor", typeof(Web.Features.Reminders.SnoozeReminders), () => ClaimIn("assigned", "/snooze"),
                _ => Task.FromResult<object?>(new { until = app.Clock.GetUtcNow().AddHours(20), reason = "Menunggu jawaban kementerian" })),
            new("POST /api/articles/extract", "extract", "checker", typeof(Web.Features.Intake.ExtractArticle), () => Task.FromResult(new Target("/api/articles/extract")),
                _ => Task.FromResult<object?>(new { text = "Presiden Rusia Vladimir Putin mengatakan pertempuran telah menewaskan hampir 5.000 orang.", language = "id", url = Fresh(), outlet = "Kompas", publishedAt = "2020-10-23" })),
            new("POST /api/articles/fetch", "fetch", "checker", typeof(Web.Features.Intake.FetchArticle), () => Task.FromResult(new Target("/api/articles/fetch")),
                _ => Task.FromResult<object?>(new { url = "https://example.org/berita" }),
                ValidSucceeds: false), // this machine has no internet: every corpus value is refused before any download
            new("POST /api/articles/accept", "accept", "editor", typeof(Web.Features.Intake.AcceptArticle), () => Task.FromResult(new Target("/api/articles/accept")),
                _ => Task.FromResult<object?>(new
                {
                    article = new { text = "Baku membantah serangan di Stepanakert. " + Guid.NewGuid().ToString("N"), language = "id", url = Fresh(), outlet = "Kompas", publishedAt = "2020-10-23" },
                    claims = new object[]
                    {
                        new { @ref = 1, title = "Baku membantah serangan", text = "Baku membantah serangan di Stepanakert " + Guid.NewGuid().ToString("N"), kind = "statement", claimantName = "Pemerintah Azerbaijan " + Guid.NewGuid().ToString("N")[..8], claimantKind = "government", claimantAffiliation = "Azerbaijan", place = "Baku", topics = new[] { "nagorno-karabakh" }, translationEn = "Baku denies the attack" },
                        new { @ref = 2, title = "Serangan di Stepanakert", text = "Pasukan menyerang Stepanakert " + Guid.NewGuid().ToString("N"), kind = "event", claimantName = "Pejabat setempat", claimantKind = "government" },
                    },
                    links = new[] { new { from = 1, to = 2, relation = "denies" } },
                }),
                // Each claim is a sentence of the article: whatever its text, the article says it (so the stored
                // article starts with the value tried).
                StoredSql: "SELECT text FROM articles ORDER BY id DESC LIMIT 1",
                Carrier: "article.text", // a claim's text is in the article too, so a refusal may name the article
                Fixup: body => body["article"]!["text"] = $"{body["article"]!["text"]}\n\n{string.Join("\n\n", body["claims"]!.AsArray().Select(c => (string?)c!["text"]))}"),
            new("POST /api/claims/{id:long}/comments/", "comment", "checker", typeof(Web.Features.Comments.CommentEndpoints.CommentRequest), () => ClaimIn("new", "/comments"),
                _ => Task.FromResult<object?>(new { body = "Sumber: kantor **kabupaten**, @editor2 tolong cek." })),
            new("PATCH /api/claims/{id:long}/comments/{commentId:long}", "edit comment", "checker", typeof(Web.Features.Comments.CommentEndpoints.CommentEdit), async () =>
                {
                    var target = await ClaimIn("new");
                    var comment = await app.SendAsync(new Web.Features.Comments.AddComment { ClaimId = target.ClaimId!.Value, Body = "Draf pertama" }, review.Checker);
                    return target with { Path = $"{target.Path}/comments/{comment.Id}" };
                },
                async t => new { body = "Draf kedua", version = await app.ScalarAsync<long>("SELECT version FROM claim_comments WHERE id = @id", new { id = long.Parse(t.Path[(t.Path.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture) }) }),
            new("PUT /api/claims/{id:long}/follow/", "follow", "editor2", null, () => ClaimIn("new", "/follow"), _ => Task.FromResult<object?>(null)),
            new("DELETE /api/claims/{id:long}/follow/", "unfollow", "checker", null, () => ClaimIn("new", "/follow"), _ => Task.FromResult<object?>(null)),
            new("PUT /api/notifications/settings/{kind}", "notification setting", "checker", typeof(Web.Features.Notifications.NotificationSettingEndpoints.DeliveryRequest),
                () => Task.FromResult(new Target("/api/notifications/settings/mention", ReadBack: "/api/notifications/settings")),
                _ => Task.FromResult<object?>(new { delivery = "email" })),
            new("POST /api/notifications/{id:long}/read", "notification read", "checker", null, () => Task.FromResult(new Target("/api/notifications/999999/read")), _ => Task.FromResult<object?>(null)),
            new("DELETE /api/claims/{id:long}/evidence/{evidenceId:long}", "remove evidence", "checker", null, async () =>
                {
                    var target = await ClaimIn("researching");
                    var evidence = await review.AddEvidenceAsync(target.ClaimId!.Value);
                    return target with { Path = $"{target.Path}/evidence/{evidence}" };
                },
                _ => Task.FromResult<object?>(null)),
            // The caller's own token: a caller no other case uses, since the first success signs its client out.
            new("DELETE /api/tokens/current", "revoke current token", "admin", null, () => Task.FromResult(new Target("/api/tokens/current")), _ => Task.FromResult<object?>(null)),
            new("DELETE /api/tokens/{id:long}", "revoke token", "checker2", null, async () =>
                {
                    var issued = await app.CreateClient().PostAsJsonAsync("/api/tokens", new { username = "checker2", password = TestApp.DemoPassword, name = "to revoke" });
                    return new Target($"/api/tokens/{(await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64()}");
                },
                _ => Task.FromResult<object?>(null)),
            new("PATCH /api/claims/{id:long}", "edit claim", "editor", typeof(EditClaim), () => ClaimIn("triaged"),
                async t => new
                {
                    version = await review.VersionAsync(t.ClaimId!.Value),
                    title = "Pasukan menembaki desa perbatasan",
                    text = "Pasukan menembaki desa di perbatasan " + Guid.NewGuid().ToString("N"),
                    translationEn = "Troops shelled a border village",
                    place = "Tovuz",
                }),
            new("PUT /api/claims/{id:long}/evidence/{evidenceId:long}", "edit evidence", "checker", typeof(Web.Features.Review.EditEvidence), async () =>
                {
                    var target = await ClaimIn("researching");
                    var evidence = await review.AddEvidenceAsync(target.ClaimId!.Value);
                    return target with { Path = $"{target.Path}/evidence/{evidence}" };
                },
                _ => Task.FromResult<object?>(new { title = "Citra satelit yang benar", stance = "refutes", note = "Dua penyedia" })),
            new("DELETE /api/claims/{id:long}/appearances/{appearanceId:long}", "remove appearance", "checker", null, async () =>
                {
                    var target = await ClaimIn("new");
                    var appearance = await app.SendAsync(new AddAppearance { ClaimId = target.ClaimId!.Value, Url = Fresh() }, review.Checker);
                    return target with { Path = $"{target.Path}/appearances/{appearance}" };
                },
                _ => Task.FromResult<object?>(null)),
            new("PATCH /api/claimants/{id:long}", "edit claimant", "editor", typeof(EditClaimant), async () =>
                {
                    var claim = await review.NewClaimAsync(claimant: "Hostile Test Office " + Guid.NewGuid().ToString("N")[..8]);
                    var claimant = await app.ScalarAsync<long>("SELECT claimant_id FROM claims WHERE id = @claim", new { claim });
                    return new Target($"/api/claimants/{claimant}", ReadBack: $"/api/claimants/{claimant}");
                },
                async t => new
                {
                    version = await app.ScalarAsync<long>("SELECT version FROM claimants WHERE id = @id", new { id = long.Parse(t.Path[(t.Path.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture) }),
                    name = "Kementerian " + Guid.NewGuid().ToString("N")[..8],
                    affiliation = "Pemerintah",
                    description = "Kementerian pertahanan",
                    referenceUrl = Fresh(),
                }),
            new("POST /api/claimants/{id:long}/merge", "merge claimant", "editor", typeof(ClaimEndpoints.MergeRequest), async () =>
                {
                    var claim = await review.NewClaimAsync(claimant: "Hostile Merge Office " + Guid.NewGuid().ToString("N")[..8]);
                    var claimant = await app.ScalarAsync<long>("SELECT claimant_id FROM claims WHERE id = @claim", new { claim });
                    return new Target($"/api/claimants/{claimant}/merge", ReadBack: $"/api/claimants/{claimant}");
                },
                async _ => new { intoClaimantId = await app.ScalarAsync<long>("SELECT claimant_id FROM claims WHERE id = @claim", new { claim = await review.NewClaimAsync(claimant: "Hostile Kept Office " + Guid.NewGuid().ToString("N")[..8]) }) }),
            new("DELETE /api/claims/{id:long}/links/{linkId:long}", "unlink", "checker", null, async () =>
                {
                    var from = await review.NewClaimAsync();
                    var link = await review.LinkAsync(from, await review.NewClaimAsync(), "disputes");
                    return new Target($"/api/claims/{from}/links/{link}", from);
                },
                _ => Task.FromResult<object?>(null)),
        };

        foreach (var (action, type) in ReviewEndpoints.Commands)
        {
            var (state, caller) = action switch
            {
                ReviewActions.Triage or ReviewActions.Reject => ("new", "editor"),
                ReviewActions.Reopen => ("rejected", "editor"),
                ReviewActions.Assign => ("triaged", "editor"),
                ReviewActions.Reassign => ("assigned", "editor"),
                ReviewActions.Start => ("assigned", "checker"),
                ReviewActions.Submit => ("researching", "checker"),
                ReviewActions.RequestChanges => ("in_review", "editor"),
                ReviewActions.Approve => ("in_review", "editor2"),
                ReviewActions.Correct or ReviewActions.Amend => ("published", "editor"),
                _ => throw new InvalidOperationException($"No case for the workflow action '{action}': add one."),
            };
            cases.Add(new("POST /api/claims/{id:long}/actions/{action}", action, caller, type, () => ClaimIn(state, $"/actions/{action}"), async t =>
            {
                var body = JsonSerializer.SerializeToNode((object)review.Command(action, t.ClaimId!.Value, await review.VersionAsync(t.ClaimId!.Value)), type, Web)!.AsObject();
                body.Remove("claimId");
                return body;
            }));
        }

        return cases;
    }

    [Fact]
    public async Task Every_write_endpoint_answers_hostile_text_with_a_400_naming_the_field_or_stores_it_exactly_and_never_a_500()
    {
        var cases = await CasesAsync();
        var writeEndpoints = ApiRoutes.All(app).Where(e => e.Split(' ')[0] is "POST" or "PUT" or "PATCH" or "DELETE").ToList();
        var missing = writeEndpoints.Where(e => cases.All(c => c.Endpoint != e)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "Write endpoints without a hostile-input case: " + string.Join(", ", missing));

        var clients = new Dictionary<string, HttpClient> { [""] = app.CreateClient() };
        foreach (var caller in cases.Select(c => c.Caller).Where(c => c.Length > 0).Distinct())
        {
            clients[caller] = await app.ApiClientAsync(caller);
        }

        var tried = 0;
        var stored = 0;
        var refused = 0;
        var wrong = new List<string>();
        foreach (var @case in cases)
        {
            var client = clients[@case.Caller];
            var target = await @case.PrepareAsync();

            // The valid request first: the case itself must be right, or the hostile answers prove nothing.
            if (@case.ValidSucceeds)
            {
                var validBody = JsonSerializer.SerializeToNode(await @case.BodyAsync(target), Web);
                @case.Fixup?.Invoke(validBody!);
                var valid = await SendJsonAsync(client, @case, target, validBody);
                Assert.True(valid.IsSuccessStatusCode || @case.BodyType is null, $"{@case.Label}: the valid request got {(int)valid.StatusCode} {await valid.Content.ReadAsStringAsync()}");
                target = await @case.PrepareAsync();
            }

            var slots = @case.BodyType is null ? [] : Slots(await @case.BodyAsync(target), @case.BodyType).ToList();
            Assert.True(@case.BodyType is null || slots.Count > 0 || !StringProperties(@case.BodyType).Any(), $"{@case.Label}: no text fields found");
            foreach (var slot in slots)
            {
                foreach (var (name, typed) in HostileCorpus.Strings)
                {
                    var value = HostileCorpus.AsSentOverHttp(typed);
                    var body = JsonSerializer.SerializeToNode(await @case.BodyAsync(target), Web)!;
                    slot.Set(body, value);
                    @case.Fixup?.Invoke(body);
                    var before = await FingerprintAsync();
                    var auditBefore = await app.ScalarAsync<long>("SELECT coalesce(max(id), 0) FROM audit_log");
                    var response = await SendJsonAsync(client, @case, target, body);
                    var text = await response.Content.ReadAsStringAsync();
                    tried++;
                    var where = $"{@case.Label}.{slot.Path} = {name}";
                    if ((int)response.StatusCode >= 500)
                    {
                        wrong.Add($"{where}: {(int)response.StatusCode}");
                        continue;
                    }

                    if (response.IsSuccessStatusCode)
                    {
                        stored++;
                        if (!string.IsNullOrWhiteSpace(value) && !@case.Label.StartsWith("extract", StringComparison.Ordinal) && !await StoredExactlyAsync(client, @case, target, text, auditBefore, value))
                        {
                            wrong.Add($"{where}: accepted but not stored exactly");
                        }

                        if (HostileCorpus.IsUnstorable(value) && !string.IsNullOrWhiteSpace(value.Trim()))
                        {
                            wrong.Add($"{where}: accepted a noncharacter or half a surrogate pair");
                        }

                        target = await @case.PrepareAsync();
                        continue;
                    }

                    refused++;
                    await CheckRefusalAsync(@case, where, response, text, slot.Path, before, wrong);
                }
            }

            foreach (var (name, bytes, contentType) in HostileCorpus.Bodies)
            {
                var before = await FingerprintAsync();
                using var request = new HttpRequestMessage(new HttpMethod(@case.Endpoint[..@case.Endpoint.IndexOf(' ', StringComparison.Ordinal)]), target.Path)
                {
                    Content = new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue(contentType) } },
                };
                var response = await client.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                tried++;
                var where = $"{@case.Label} with {name}";
                if ((int)response.StatusCode >= 500)
                {
                    wrong.Add($"{where}: {(int)response.StatusCode} {text}");
                }
                else if (@case.BodyType is null || response.IsSuccessStatusCode)
                {
                    // Endpoints without a body ignore what is sent; a body that happens to parse may be valid.
                    if (response.IsSuccessStatusCode)
                    {
                        target = await @case.PrepareAsync();
                    }
                }
                else
                {
                    refused++;
                    await CheckRefusalAsync(@case, where, response, text, null, before, wrong);
                }
            }
        }

        output.WriteLine($"{cases.Count} cases over {cases.Select(c => c.Endpoint).Distinct().Count()} write endpoints: {tried} hostile requests, {refused} refused with a 4xx, {stored} stored (each read back exactly)");
        Assert.True(wrong.Count == 0, $"{wrong.Count} wrong answers:\n" + string.Join("\n", wrong.Take(80)));
        Assert.True(tried > 1000, $"only {tried} hostile requests");
    }

    private async Task CheckRefusalAsync(Case @case, string where, HttpResponseMessage response, string text, string? field, IReadOnlyDictionary<string, long> before, List<string> wrong)
    {
        var status = (int)response.StatusCode;
        var credentials = @case.Label == "tokens" && status == 401;
        if (status is not (400 or 413 or 415) && !credentials && !(@case.BodyType is null && status == 404))
        {
            wrong.Add($"{where}: {status} {Shorten(text)}");
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            wrong.Add($"{where}: {status} without problem details ({response.Content.Headers.ContentType})");
            return;
        }

        using var problem = JsonDocument.Parse(text);
        var hasMessage = problem.RootElement.TryGetProperty("title", out var title) && title.GetString()?.Length > 0;
        if (!hasMessage)
        {
            wrong.Add($"{where}: problem details without a title");
        }

        if (field is not null && status == 400)
        {
            var keys = problem.RootElement.TryGetProperty("errors", out var errors) ? errors.EnumerateObject().Select(p => p.Name).ToList() : [];
            if (!keys.Any(k => Names(k, field) || (@case.Carrier is { } carrier && field.EndsWith(".text", StringComparison.Ordinal) && k == carrier)))
            {
                wrong.Add($"{where}: the 400 names [{string.Join(", ", keys)}], not {field}");
            }
        }

        var after = await FingerprintAsync();
        var changed = after.Where(t => before.GetValueOrDefault(t.Key) != t.Value && @case.MayWrite?.Contains(t.Key) != true).Select(t => t.Key).ToList();
        if (changed.Count > 0)
        {
            wrong.Add($"{where}: refused with {status} but changed {string.Join(", ", changed)}");
        }
    }

    /// Whether a problem-details key names the field: the field itself, an object it is in, or (for a field of a
    /// nested object, such as one claim of an article) a sibling in that same object.
    private static bool Names(string key, string path)
    {
        static string Plain(string s) => new(s.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
        var parent = path.Contains('.', StringComparison.Ordinal) ? path[..path.LastIndexOf('.')] : null;
        return key.Length > 0 && (Plain(path).StartsWith(Plain(key), StringComparison.Ordinal) || (parent is not null && Plain(key).StartsWith(Plain(parent), StringComparison.Ordinal)));
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;

    private static async Task<HttpResponseMessage> SendJsonAsync(HttpClient client, Case @case, Target target, JsonNode? body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(@case.Endpoint[..@case.Endpoint.IndexOf(' ', StringComparison.Ordinal)]), target.Path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(Web), Encoding.UTF8, "application/json");
        }

        return await client.SendAsync(request);
    }

    /// The value is in what the API shows of the record it wrote (the claim or claimant detail, or the response) or in
    /// the audit rows the request wrote, exactly (surrounding whitespace aside).
    private async Task<bool> StoredExactlyAsync(HttpClient client, Case @case, Target target, string response, long auditBefore, string value)
    {
        var strings = new List<string>();
        Collect(Parse(response), strings);
        var readBacks = new List<string>();
        if ((target.ReadBack ?? (target.ClaimId is { } id ? $"/api/claims/{id}" : null)) is { } readBack)
        {
            readBacks.Add(readBack);
        }
        else
        {
            // A created claim ({"id": …}) or the claims an article was accepted into ({"claims": [{"claimId": …}]}).
            var created = Parse(response);
            if (created is JsonObject { } o && o["id"] is JsonValue createdId)
            {
                readBacks.Add($"/api/claims/{createdId}");
            }

            readBacks.AddRange((created?["claims"] as JsonArray ?? []).Select(c => $"/api/claims/{c!["claimId"]}"));
        }

        foreach (var path in readBacks)
        {
            Collect(Parse(await client.GetStringAsync(path)), strings);
        }

        // A field the case extends before sending (Fixup) is stored with the extension after it. (An article's
        // line breaks are stored as \n, whatever the paste used.)
        if (@case.StoredSql is not null && (await app.RowsAsync<string>(@case.StoredSql)).Any(s => s.StartsWith(value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') + "\n\n", StringComparison.Ordinal)))
        {
            return true;
        }

        foreach (var json in await app.RowsAsync<string>("SELECT coalesce(before_json, '') || char(10) || coalesce(after_json, '') FROM audit_log WHERE id > @auditBefore", new { auditBefore }))
        {
            foreach (var part in json.Split('\n'))
            {
                Collect(Parse(part), strings);
            }
        }

        var trimmed = value.Trim();
        return strings.Any(s => s == value || s == trimmed);
    }

    private static JsonNode? Parse(string json)
    {
        try
        {
            return string.IsNullOrWhiteSpace(json) ? null : JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void Collect(JsonNode? node, List<string> strings)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, child) in o)
                {
                    Collect(child, strings);
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    Collect(child, strings);
                }

                break;
            case JsonValue v when v.TryGetValue<string>(out var s):
                strings.Add(s);
                break;
        }
    }

    /// Every table's row count: a refused request changes none of them.
    private async Task<IReadOnlyDictionary<string, long>> FingerprintAsync()
    {
        await using var connection = await app.Db.OpenAsync();
        var tables = await Dapper.SqlMapper.QueryAsync<string>(connection,
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE '%_data' AND name NOT LIKE '%_idx' AND name NOT LIKE '%_docsize' AND name NOT LIKE '%_config' AND name NOT LIKE '%_content'");
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            counts[table] = await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, $"SELECT count(*) FROM \"{table}\"");
        }

        counts["claims.version"] = await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, "SELECT coalesce(sum(version), 0) FROM claims");
        counts["claimants.version"] = await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, "SELECT coalesce(sum(version), 0) FROM claimants");
        return counts;
    }

    /// A text field of a request body, found through the command type's string properties (nested records and lists
    /// included), whether the valid body fills it or not.
    private sealed record Slot(string Path, Action<JsonNode, string> Set);

    private static IEnumerable<Slot> Slots(object? body, Type type)
    {
        var node = JsonSerializer.SerializeToNode(body, Web)!;
        return Slots(node, type, "", n => n);
    }

    private static IEnumerable<Slot> Slots(JsonNode node, Type type, string path, Func<JsonNode, JsonNode> locate)
    {
        if (node is not JsonObject obj)
        {
            yield break;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetCustomAttribute<System.Text.Json.Serialization.JsonIgnoreAttribute>() is null))
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            var propertyPath = path.Length == 0 ? name : $"{path}.{name}";
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (propertyType == typeof(string))
            {
                yield return new Slot(propertyPath, (root, value) => locate(root).AsObject()[name] = value);
            }
            else if (ElementType(propertyType) is { } element && obj[name] is JsonArray array && array.Count > 0)
            {
                if (element == typeof(string))
                {
                    yield return new Slot($"{propertyPath}[0]", (root, value) => locate(root)[name]![0] = value);
                }
                else
                {
                    foreach (var slot in Slots(array[0]!, element, $"{propertyPath}[0]", root => locate(root)[name]![0]!))
                    {
                        yield return slot;
                    }
                }
            }
            else if (propertyType.IsClass && propertyType.Namespace?.StartsWith("FactCheck", StringComparison.Ordinal) == true && obj[name] is JsonObject child)
            {
                foreach (var slot in Slots(child, propertyType, propertyPath, root => locate(root)[name]!))
                {
                    yield return slot;
                }
            }
        }
    }

    private static Type? ElementType(Type type) =>
        type == typeof(string) ? null : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static IEnumerable<string> StringProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType == typeof(string) && p.GetCustomAttribute<System.Text.Json.Serialization.JsonIgnoreAttribute>() is null)
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name));
}
