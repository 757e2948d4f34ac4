using System.Collections.Concurrent;
using FactCheck.Tests.Review;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FactCheck.Tests.Infrastructure;

/// The seam every committed change goes through on its way to this node's listeners and, on PostgreSQL, to the others.
public sealed class ChangeFanOutTests : IDisposable
{
    private readonly TestApp app = new();
    private readonly ConcurrentQueue<(ChangeSet Changes, long StatusVersion)> published = new();

    public void Dispose() => app.Dispose();

    /// The app with the fan-out wrapped: each published change is recorded with what a fresh connection reads at
    /// that moment (so the test sees whether the command had committed before it was announced).
    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> Recorded(long claimId) =>
        app.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
        {
            services.RemoveAll<IChangeFanOut>();
            services.AddSingleton<IChangeFanOut>(provider => new Recording(
                new InProcessFanOut(provider.GetRequiredService<LocalChanges>()),
                async changes => published.Enqueue((changes, await app.ScalarAsync<long>("SELECT version FROM claims WHERE id = @claimId", new { claimId })))));
        }));

    [Fact]
    public async Task A_command_announces_its_claims_once_after_commit_and_a_refused_one_announces_nothing()
    {
        var review = await ReviewDriver.CreateAsync(app);
        var id = await review.NewClaimAsync();
        var version = await review.VersionAsync(id);
        using var recorded = Recorded(id);
        var notifier = recorded.Services.GetRequiredService<ClaimChangeNotifier>();
        var heard = new ConcurrentQueue<long>();
        notifier.Changed += ids =>
        {
            foreach (var changed in ids)
            {
                heard.Enqueue(changed);
            }

            return Task.CompletedTask;
        };

        await Send(recorded, new TriageClaim { ClaimId = id, Version = version, Priority = "high" }, review.Editor);
        await Assert.ThrowsAnyAsync<Exception>(() => Send(recorded, new TriageClaim { ClaimId = id, Version = version, Priority = "low" }, review.Editor));

        var (changes, versionWhenAnnounced) = Assert.Single(published);
        Assert.Equal([id], changes.Claims);
        Assert.Equal(version + 1, versionWhenAnnounced);
        Assert.Equal([id], heard);
    }

    [Fact]
    public void A_change_set_travels_in_messages_that_fit_a_notify_payload_and_comes_back_whole()
    {
        var changes = new ChangeSet(Enumerable.Range(1, 2500).Select(i => (long)i * 1_000_000_007).ToList(), [5, 6], [7]);

        var messages = ChangeMessage.Encode("node-a:1234", changes).ToList();
        var decoded = messages.Select(m => ChangeMessage.Decode(m)!).ToList();

        Assert.True(messages.Count > 1);
        Assert.All(messages, m => Assert.True(ChangeMessage.Bytes(m) < ChangeMessage.MaxPayloadBytes, $"{ChangeMessage.Bytes(m)} bytes"));
        Assert.All(decoded, m => Assert.Equal("node-a:1234", m.Node));
        Assert.Equal(changes.Claims, decoded.SelectMany(m => m.Claims));
        Assert.Equal(changes.NotifiedUsers, decoded.SelectMany(m => m.Users));
        Assert.Equal(changes.EndedSessions, decoded.SelectMany(m => m.Sessions));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{\"node\":\"a\"}")]
    [InlineData("[1,2]")]
    public void A_payload_this_version_cannot_read_is_reported_as_unreadable(string payload)
    {
        Assert.Null(ChangeMessage.Decode(payload));
    }

    private static async Task Send<T>(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> host, T command, FactCheck.Web.Infrastructure.Pipeline.Actor actor)
        where T : Mediator.ICommand<ClaimActionResult>
    {
        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<FactCheck.Web.Infrastructure.Pipeline.CurrentActor>().Actor = actor;
        await scope.ServiceProvider.GetRequiredService<Mediator.IMediator>().Send(command);
    }

    private sealed class Recording(IChangeFanOut inner, Func<ChangeSet, Task> record) : IChangeFanOut
    {
        public async Task PublishAsync(ChangeSet changes, CancellationToken cancellationToken)
        {
            if (!changes.IsEmpty)
            {
                await record(changes);
            }

            await inner.PublishAsync(changes, cancellationToken);
        }
    }
}
