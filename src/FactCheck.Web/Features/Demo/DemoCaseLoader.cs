using Dapper;
using FactCheck.Web.Features.Accounts;
using FactCheck.Web.Features.Claims;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Clock;
using FactCheck.Web.Infrastructure.Database;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;
using Microsoft.Extensions.Options;

namespace FactCheck.Web.Features.Demo;

/// Gives an empty database the demo case (FactCheck:DemoData): staff accounts, claims, links and a desk at work,
/// everything created through the ordinary commands.
public sealed class DemoCaseLoader(Db db, FirstAccounts firstAccounts, IOptions<FactCheckOptions> options, TimeProvider clock)
{
    public async Task LoadAsync(IMediator mediator, CurrentActor actor, CancellationToken ct)
    {
        var password = string.IsNullOrEmpty(options.Value.DemoPassword) ? Credentials.GeneratePassword() : options.Value.DemoPassword;
        var ids = new Dictionary<string, long>();
        foreach (var (username, displayName, role) in DemoCase.Staff)
        {
            var user = await mediator.Send(new CreateUser { Username = username, DisplayName = displayName, Roles = [role], Password = password }, ct);
            ids[username] = user.Id;
        }

        // The demo claims are entered by the demo editor, as a person would enter them.
        actor.Actor = new Actor(ids["editor"], "editor", new HashSet<string> { Roles.Editor });
        var claims = new Dictionary<string, long>();
        foreach (var (key, claim) in DemoCase.Claims())
        {
            claims[key] = (await mediator.Send(claim, ct)).Id;
        }

        foreach (var (from, relation, to, note) in DemoCase.Links)
        {
            await mediator.Send(new LinkClaims { FromClaimId = claims[from], ToClaimId = claims[to], Relation = relation, Note = note }, ct);
        }

        var topics = await mediator.Send(new Features.Topics.ListTopics(), ct);
        foreach (var (name, labelId, labelEn) in DemoCase.TopicLabels)
        {
            if (topics.FirstOrDefault(t => t.Name == name) is { } topic)
            {
                await mediator.Send(new Features.Topics.RenameTopic { TopicId = topic.Id, Version = topic.Version, LabelId = labelId, LabelEn = labelEn }, ct);
            }
        }

        await PublishDemoVerdictsAsync(mediator, actor, ids, claims, ct);

        actor.Actor = Actor.System;
        var accounts = string.Join(", ", DemoCase.Staff.Select(s => $"{s.Username} ({s.Role})"));
        firstAccounts.Announce(string.IsNullOrEmpty(options.Value.DemoPassword)
            ? $"Demo case loaded ({claims.Count} claims). Demo accounts: {accounts}. Password for all of them: {password} (shown only this once; set FactCheck:DemoPassword to choose it)."
            : $"Demo case loaded ({claims.Count} claims). Demo accounts: {accounts}. Password: the value of FactCheck:DemoPassword.");
    }

    /// The demo desk at work, through the ordinary workflow commands: some verdicts published (one of them corrected),
    /// two claims triaged, so readers see verdicts and "being checked" pages. The rest stay new.
    private async Task PublishDemoVerdictsAsync(
        IMediator mediator, CurrentActor actor, Dictionary<string, long> users, Dictionary<string, long> claims, CancellationToken ct)
    {
        Actor As(string username, string role) => new(users[username], username, new HashSet<string> { role });
        var editor = As("editor", Roles.Editor);
        var editor2 = As("editor2", Roles.Editor);
        var checker = As("checker", Roles.FactChecker);
        var versions = claims.Keys.ToDictionary(k => k, _ => 1L);

        async Task Act(string key, Actor by, ClaimActionCommand command)
        {
            actor.Actor = by;
            var result = (ClaimActionResult)(await mediator.Send((object)(command with { ClaimId = claims[key], Version = versions[key] }), ct))!;
            versions[key] = result.Version;
        }

        async Task SubmitAndApprove(string key, DemoCase.DemoVerdict verdict)
        {
            await Act(key, checker, new SubmitVerdict
            {
                Rating = verdict.Rating, Attribution = verdict.Attribution, ChangeNote = verdict.ChangeNote,
                Texts = new VerdictTextsInput
                {
                    Id = new() { Title = verdict.Id.Title, Summary = verdict.Id.Summary, Explanation = verdict.Id.Explanation },
                    En = new() { Title = verdict.En.Title, Summary = verdict.En.Summary, Explanation = verdict.En.Explanation },
                },
            });
            await Act(key, editor, new ApproveVerdict());
            if (options.Value.Review.Approvals > 1)
            {
                await Act(key, editor2, new ApproveVerdict());
            }
        }

        foreach (var (key, sources, verdict, correction) in DemoCase.Verdicts)
        {
            await Act(key, editor, new TriageClaim { Priority = "high" });
            await Act(key, editor, new AssignClaim { AssigneeId = users["checker"] });
            await Act(key, checker, new StartResearch());
            actor.Actor = checker;
            foreach (var source in sources)
            {
                await mediator.Send(new AddEvidence { ClaimId = claims[key], Url = source.Url, Title = source.Title, Stance = source.Stance, Note = source.Note, PublishedOn = source.PublishedOn }, ct);
            }

            versions[key] = await CurrentVersionAsync(claims[key], ct);
            await SubmitAndApprove(key, verdict);
            if (correction is { } fix)
            {
                await Act(key, editor, new CorrectVerdict { Reason = fix.Reason });
                await SubmitAndApprove(key, fix.Verdict);
            }
        }

        // Triaged, not assigned: public as "being checked", with no reminder ladder running for a demo account.
        await Act("azerbaijan-mod", editor, new TriageClaim { Priority = "normal" });
        // A target date readers see on the status page: the end of the day after tomorrow in the newsroom.
        var target = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), NewsroomTime.FindZone(options.Value.TimeZone)).DateTime).AddDays(2);
        await Act("iran-shells", editor, new TriageClaim { Priority = "high", DueDate = target });
    }

    private async Task<long> CurrentVersionAsync(long claimId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT version FROM claims WHERE id = @claimId", new { claimId }, cancellationToken: ct));
    }

}
