using System.ComponentModel.DataAnnotations;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;
using Microsoft.Extensions.Options;
using FactCheck.Web.Infrastructure.Clock;

namespace FactCheck.Web.Features.Reminders;

/// An editor silences a claim's reminders until a time (steps that come due meanwhile go out when it ends).
[AllowRoles(Roles.Editor)]
public sealed record SnoozeReminders : ICommand, IValidatableObject, Claims.IChangesClaims
{
    public long ClaimId { get; init; }

    public IEnumerable<Claims.ClaimTouch> ClaimsTouched() => [new(ClaimId, Claims.ClaimChange.Deadline)];

    public DateTimeOffset Until { get; init; }

    [StringLength(2000)]
    public string? Reason { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var clock = (TimeProvider?)validationContext.GetService(typeof(TimeProvider)) ?? TimeProvider.System;
        if (Until <= clock.GetUtcNow())
        {
            yield return new ValidationResult("Snooze until a time in the future.", [nameof(Until)]);
        }
        else if (Until > clock.GetUtcNow().AddDays(30))
        {
            yield return new ValidationResult("Snooze for 30 days at most.", [nameof(Until)]);
        }
    }
}

public sealed class SnoozeRemindersHandler : ICommandHandler<SnoozeReminders>
{
    public async ValueTask<Unit> Handle(SnoozeReminders command, CancellationToken cancellationToken)
    {
        var context = CommandContext.Current;
        var ladder = await ExtendDeadlineHandler.OpenLadderAsync(context, command.ClaimId, cancellationToken)
            ?? throw new ConflictException("This claim has no running deadline, so there are no reminders to snooze.");
        await context.ExecuteAsync(
            "UPDATE ladders SET snoozed_until = @Until WHERE id = @Id", new { command.Until, ladder.Id }, cancellationToken);
        context.Audit("claim", command.ClaimId, new { ladder.SnoozedUntil }, new { SnoozedUntil = command.Until, command.Reason });
        return Unit.Value;
    }
}
