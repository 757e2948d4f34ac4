using System.Reflection;
using System.Runtime.CompilerServices;
using Dapper;
using FactCheck.Web.Features.Accounts;
using FactCheck.Web.Features.Claims;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Features.Tips;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace FactCheck.Tests.Reliability;

/// The hostile corpus against the mediator, which is what the interactive staff forms (and every page's searches and
/// suggestions) send: every message type with text in it, found by reflection. Commands the API takes are tried over
/// HTTP (HostileApiInputTests); every other command here needs a case below, or this test fails. Each text property
/// gets every corpus value: the message either succeeds (a command storing the value exactly) or is refused with a
/// ValidationFailedException naming that property, which the forms show beside the field, with nothing written.
/// Never any other exception, which in a form would end the person's circuit.
public sealed class HostileMessageInputTests(ITestOutputHelper output) : IDisposable
{
    /// Commands the API takes, tried over HTTP with the same corpus.
    private static readonly HashSet<Type> OverHttp =
    [
        typeof(SubmitClaim), typeof(AddAppearance), typeof(LinkClaims), typeof(SetClaimantSide), typeof(AddEvidence),
        typeof(Web.Features.Reminders.ExtendDeadline), typeof(Web.Features.Reminders.SnoozeReminders), typeof(Web.Features.Intake.AcceptArticle),
        typeof(IssueApiToken), typeof(Web.Features.Comments.AddComment), typeof(Web.Features.Comments.EditComment),
        typeof(Web.Features.Notifications.SetNotificationSetting), typeof(EditClaim), typeof(EditClaimant), typeof(Web.Features.Review.EditEvidence),
        typeof(MergeClaimants), .. ReviewEndpoints.Commands.Values,
    ];

    /// Commands only the system sends, with text it wrote itself (a mail server's error message).
    private static readonly HashSet<Type> SystemOnly = [typeof(Web.Features.Mail.RecordMailAttempt)];

    /// Properties stored only as a hash, or acted on without being stored (a filled honeypot stores nothing; a browser's
    /// Accept-Language only picks id or en).
    private static readonly HashSet<string> NotStoredAsIs = ["CreateUser.Password", "SignIn.Username", "SignIn.Password", "SignIn.BrowserLanguage", "SubmitTip.Website", "SubmitTip.ClientAddress",
        "ChangeOwnPassword.CurrentPassword", "ChangeOwnPassword.NewPassword", "ChangeOwnPassword.ConfirmPassword"];

    private readonly TestApp app = new TestApp().Start();

    public void Dispose() => app.Dispose();

    /// A valid command of each kind, from someone allowed to send it, and the tables its text goes to.
    private async Task<Dictionary<Type, Func<Task<(object Command, Actor Actor, string[] Tables)>>>> CasesAsync()
    {
        var admin = await app.ActorAsync("admin");
        var editor = await app.ActorAsync("editor");
        async Task<CreatedUser> NewUser() => await app.SendAsync(
            new CreateUser { Username = "u" + Guid.NewGuid().ToString("N")[..12], DisplayName = "Dewi Lestari", Roles = [Roles.FactChecker] }, admin);
        var changer = await app.NewUserAsync(Roles.FactChecker);
        async Task<long> NewTip() => (await app.SendAsync(new SubmitTip { Text = "Tip " + Guid.NewGuid().ToString("N") }, Actor.Anonymous)).Id!.Value;

        return new()
        {
            [typeof(CreateUser)] = () => Task.FromResult<(object, Actor, string[])>((
                new CreateUser { Username = "u" + Guid.NewGuid().ToString("N")[..12], DisplayName = "Dewi Lestari", Email = "dewi@example.org", Roles = [Roles.FactChecker] },
                admin, ["users", "user_roles"])),
            [typeof(UpdateUser)] = async () =>
            {
                var user = await NewUser();
                var version = await app.ScalarAsync<long>("SELECT version FROM users WHERE id = @Id", new { user.Id });
                return (new UpdateUser { Id = user.Id, Version = version, DisplayName = "Dewi L.", Email = "dewi@example.org", Roles = [Roles.Editor] }, admin, ["users", "user_roles"]);
            },
            [typeof(Web.Features.Topics.RenameTopic)] = async () =>
            {
                var name = "topik-" + Guid.NewGuid().ToString("N")[..8];
                await app.SendAsync(new SubmitClaim { Title = "Topik baru", Text = "Teks " + name, Language = "id", ClaimantName = "Warga", ClaimantKind = "other", Topics = [name] }, editor);
                var topic = Assert.Single(await app.QueryAsync(new Web.Features.Topics.ListTopics(), editor), t => t.Name == name);
                return (new Web.Features.Topics.RenameTopic { TopicId = topic.Id, Version = topic.Version, LabelId = "Topik", LabelEn = "Topic" }, editor, ["topics"]);
            },
            [typeof(DismissTip)] = async () => (new DismissTip { Id = await NewTip(), Reason = "Sudah diperiksa" }, editor, ["tips"]),
            [typeof(SubmitTip)] = () => Task.FromResult<(object, Actor, string[])>((
                new SubmitTip { Text = "Tip " + Guid.NewGuid().ToString("N"), Url = "https://example.org/tip", Language = "Indonesia", WhereSeen = "WhatsApp", Contact = "reader@example.org" },
                Actor.Anonymous, ["tips"])),
            [typeof(SignIn)] = () => Task.FromResult<(object, Actor, string[])>((new SignIn { Username = "checker", Password = "not the password" }, Actor.Anonymous, [])),
            // Passwords are stored only as a hash; a refused current password changes nothing but the failure count.
            [typeof(SetOwnLanguage)] = async () =>
            {
                var version = await app.ScalarAsync<long>("SELECT version FROM users WHERE id = @id", new { id = changer.Actor.UserId });
                return (new SetOwnLanguage { Language = "id", Version = version }, changer.Actor, ["users"]);
            },
            [typeof(ChangeOwnPassword)] = () => Task.FromResult<(object, Actor, string[])>((
                new ChangeOwnPassword { CurrentPassword = "not the password", NewPassword = "A-new-long-password-2", ConfirmPassword = "A-new-long-password-2" }, changer.Actor, [])),
        };
    }

    private static List<PropertyInfo> TextProperties(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is not null && (p.PropertyType == typeof(string) || p.PropertyType == typeof(List<string>)))];

    [Fact]
    public async Task Every_command_with_text_refuses_hostile_text_naming_the_field_or_stores_it_exactly()
    {
        var commands = typeof(SubmitClaim).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IBaseCommand).IsAssignableFrom(t) && TextProperties(t).Count > 0)
            .ToList();
        var cases = await CasesAsync();
        var unclassified = commands.Where(t => !OverHttp.Contains(t) && !SystemOnly.Contains(t) && !cases.ContainsKey(t)).Select(t => t.Name).ToList();
        Assert.True(unclassified.Count == 0, "Commands with text and no hostile-input case: " + string.Join(", ", unclassified));

        var wrong = new List<string>();
        var (stored, refused) = (0, 0);
        foreach (var (type, make) in cases)
        {
            foreach (var property in TextProperties(type))
            {
                foreach (var (name, value) in HostileCorpus.Strings)
                {
                    var (command, actor, tables) = await make();
                    property.SetValue(command, property.PropertyType == typeof(string) ? value : new List<string> { value });
                    if (command is ChangeOwnPassword change && property.Name == nameof(ChangeOwnPassword.NewPassword))
                    {
                        change.ConfirmPassword = value; // typed twice, as the form asks: the value itself is what is tried
                    }
                    var where = $"{type.Name}.{property.Name} = {name}";
                    var before = await CountsAsync();
                    try
                    {
                        await SendAsync(command, actor);
                        stored++;
                        if (HostileCorpus.IsUnstorable(value))
                        {
                            wrong.Add($"{where}: accepted a noncharacter or half a surrogate pair");
                        }
                        else if (!string.IsNullOrWhiteSpace(value) && !NotStoredAsIs.Contains($"{type.Name}.{property.Name}") && !await StoredAsync(tables, value))
                        {
                            wrong.Add($"{where}: accepted but not stored exactly");
                        }
                    }
                    catch (ValidationFailedException ex)
                    {
                        refused++;
                        if (!ex.Errors.Keys.Any(k => k == property.Name || k.StartsWith(property.Name + "[", StringComparison.Ordinal)))
                        {
                            wrong.Add($"{where}: refused naming [{string.Join(", ", ex.Errors.Keys)}]");
                        }

                        if (!(await CountsAsync()).SequenceEqual(before))
                        {
                            wrong.Add($"{where}: refused but wrote");
                        }
                    }
                    catch (Exception ex)
                    {
                        wrong.Add($"{where}: {ex.GetType().Name}: {ex.Message}");
                    }
                }
            }
        }

        output.WriteLine($"{cases.Count} commands sent only from forms: {stored} stored exactly, {refused} refused naming the field");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task Every_query_with_text_answers_hostile_text_or_refuses_it_naming_the_field_and_never_fails()
    {
        // Every query the pages send with what someone typed (searches, suggestions, filters), from an account
        // with every role; properties other than the one tried keep their defaults, as a half-filled form sends.
        var created = await app.SendAsync(
            new CreateUser { Username = "omni" + Guid.NewGuid().ToString("N")[..8], DisplayName = "All roles", Roles = [.. Roles.All], Password = "Omni-Password-12345" }, await app.ActorAsync("admin"));
        var actor = await app.ActorAsync(created.Username);
        var queries = typeof(SubmitClaim).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false } && typeof(IMessage).IsAssignableFrom(t)
                && !typeof(IBaseCommand).IsAssignableFrom(t) && TextProperties(t).Count > 0
                && t != typeof(Web.Features.Intake.FetchArticle)) // it downloads: tried over HTTP, where no corpus value is a web address
            .ToList();
        Assert.True(queries.Count >= 5, $"found only {queries.Count} queries with text");

        var wrong = new List<string>();
        var tried = 0;
        foreach (var type in queries)
        {
            foreach (var property in TextProperties(type))
            {
                foreach (var (name, value) in HostileCorpus.Strings)
                {
                    var query = New(type);
                    property.SetValue(query, property.PropertyType == typeof(string) ? value : new List<string> { value });
                    tried++;
                    try
                    {
                        await SendAsync(query, actor);
                    }
                    catch (ValidationFailedException ex) when (!HostileCorpus.IsUnstorable(value) || ex.Errors.Keys.Any(k => k == property.Name || k.StartsWith(property.Name + "[", StringComparison.Ordinal)))
                    {
                        // Refused: by the rules of another field left empty, or, for what is not text, naming this one.
                    }
                    catch (Exception ex) when (ex is NotFoundException)
                    {
                        // An id left at 0.
                    }
                    catch (Exception ex)
                    {
                        wrong.Add($"{type.Name}.{property.Name} = {name}: {ex.GetType().Name}: {ex.Message}");
                    }
                }
            }
        }

        output.WriteLine($"{queries.Count} queries with text ({string.Join(", ", queries.Select(q => q.Name))}): {tried} hostile values");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong.Take(60)));
    }

    /// A message as a form that filled in nothing else would send it: the type's own defaults where it has a
    /// parameterless constructor, otherwise every constructor parameter at its default.
    private static object New(Type type)
    {
        if (type.GetConstructor(Type.EmptyTypes) is { } empty)
        {
            return empty.Invoke(null);
        }

        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        return constructor.Invoke([.. constructor.GetParameters().Select(p => p.HasDefaultValue ? p.DefaultValue
            : p.ParameterType == typeof(string) ? "" : p.ParameterType.IsValueType ? RuntimeHelpers.GetUninitializedObject(p.ParameterType) : null)]);
    }

    private async Task SendAsync(object message, Actor actor)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = actor;
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(message);
    }

    /// Whether any text column of the tables holds the value exactly (or trimmed, as names and reasons are).
    private async Task<bool> StoredAsync(string[] tables, string value)
    {
        await using var connection = await app.Db.OpenAsync();
        foreach (var table in tables)
        {
            foreach (var column in await connection.QueryAsync<string>($"SELECT name FROM pragma_table_info('{table}') WHERE type = 'TEXT'"))
            {
                if (await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM \"{table}\" WHERE \"{column}\" IN (@value, @trimmed)", new { value, trimmed = value.Trim() }) > 0)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private async Task<long[]> CountsAsync() =>
    [
        await app.ScalarAsync<long>("SELECT count(*) FROM audit_log"),
        await app.ScalarAsync<long>("SELECT count(*) FROM users"),
        await app.ScalarAsync<long>("SELECT count(*) FROM tips"),
        await app.ScalarAsync<long>("SELECT coalesce(sum(version), 0) FROM users"),
        await app.ScalarAsync<long>("SELECT count(*) FROM tips WHERE status = 'dismissed'"),
    ];
}
