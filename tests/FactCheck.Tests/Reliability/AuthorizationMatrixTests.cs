using System.Runtime.CompilerServices;
using FactCheck.Web.Features.Claims;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace FactCheck.Tests.Reliability;

/// The mediator half of the authorisation matrix: every message in the app (commands and queries, found by
/// reflection, so a new one is in the matrix without anyone adding it) sent by anonymous, a fact-checker, an editor,
/// an admin, a deactivated account and an actor whose sign-in still claims a role the database no longer gives it.
/// Each actor its declaration leaves out is refused (401-style NotAuthenticated or 403-style Forbidden) in the
/// pipeline, before validation and the handler, and nothing is written.
public sealed class AuthorizationMatrixTests(SharedApp shared, ITestOutputHelper output) : IClassFixture<SharedApp>
{
    private TestApp App => shared.App;

    [Fact]
    public async Task Every_message_refuses_every_actor_its_declaration_leaves_out_before_anything_is_written()
    {
        var checker = await App.ActorAsync("checker");
        var (_, _, deactivated) = await App.NewUserAsync(Roles.Editor, "gone");
        await using (var connection = await App.Db.OpenAsync())
        {
            await Dapper.SqlMapper.ExecuteAsync(connection, "UPDATE users SET is_active = 0 WHERE id = @UserId", new { deactivated.UserId });
        }

        var actors = new (string Name, Actor Actor, IReadOnlySet<string> DatabaseRoles, bool Active)[]
        {
            ("anonymous", Actor.Anonymous, new HashSet<string>(), false),
            ("factchecker", checker, checker.Roles, true),
            ("editor", await App.ActorAsync("editor"), new HashSet<string> { Roles.Editor }, true),
            ("admin", await App.ActorAsync("admin"), new HashSet<string> { Roles.Admin }, true),
            ("deactivated editor", deactivated, new HashSet<string>(), false),
            // A cookie issued before a role was taken away: the pipeline reads the roles from the database.
            ("fact-checker claiming admin", checker with { Roles = new HashSet<string>(Roles.All) }, checker.Roles, true),
        };
        var messages = typeof(SubmitClaim).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false } && typeof(IMessage).IsAssignableFrom(t))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
        Assert.True(messages.Count > 50, $"found only {messages.Count} messages");

        var refusedCells = 0;
        var allowedCells = 0;
        var wrong = new List<string>();
        foreach (var type in messages)
        {
            var rule = AccessRule.For(type);
            foreach (var (name, actor, databaseRoles, active) in actors)
            {
                var allowed = rule.Anonymous || (!rule.SystemOnly && active && (rule.AnyStaff || rule.Roles.Any(databaseRoles.Contains)));
                if (allowed)
                {
                    allowedCells++;
                    continue;
                }

                refusedCells++;
                var before = await WrittenAsync();
                var message = RuntimeHelpers.GetUninitializedObject(type);
                Exception? thrown = null;
                try
                {
                    await using var scope = App.Services.CreateAsyncScope();
                    scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = actor;
                    await scope.ServiceProvider.GetRequiredService<IMediator>().Send(message);
                }
                catch (Exception ex)
                {
                    thrown = ex;
                }

                var expected = actor.IsAuthenticated && active ? typeof(ForbiddenException) : typeof(NotAuthenticatedException);
                if (rule.SystemOnly)
                {
                    expected = typeof(ForbiddenException);
                }

                if (thrown?.GetType() != expected)
                {
                    wrong.Add($"{type.Name} by {name}: expected {expected.Name}, got {thrown?.GetType().Name ?? "no refusal"} {thrown?.Message}");
                }

                if (await WrittenAsync() != before)
                {
                    wrong.Add($"{type.Name} by {name}: refused but wrote something");
                }
            }
        }

        output.WriteLine($"{messages.Count} messages × {actors.Length} actors: {refusedCells} refusals checked, {allowedCells} allowed by declaration");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.True(refusedCells > messages.Count, "most messages are refused to someone");
    }

    private async Task<(long Audit, long Changes)> WrittenAsync() =>
        (await App.ScalarAsync<long>("SELECT count(*) FROM audit_log"),
         await App.ScalarAsync<long>("SELECT (SELECT count(*) FROM claims) + (SELECT count(*) FROM users) + (SELECT count(*) FROM verdicts) + (SELECT count(*) FROM notifications)"));
}
