using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;

namespace FactCheck.Web.Features.Review;

/// Runs inside the command's transaction, so the state it checks is the state the handler changes.
public sealed class ReviewPolicyBehavior<TMessage, TResponse>(ReviewPolicy policy) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IClaimAction
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var context = CommandContext.Current;
        var state = await ReviewState.LoadAsync(context, message.ClaimId, cancellationToken)
            ?? throw new NotFoundException($"Claim {message.ClaimId} does not exist.");
        var current = new CurrentClaimState(state.ClaimId, state.Status, state.Version, policy.AllowedActions(state, context.Actor));
        if (state.Version != message.Version)
        {
            throw new ConflictException(
                $"Claim {state.ClaimId} changed since you loaded it (you saw version {message.Version}; it is now version {state.Version}, {state.Status.Replace('_', ' ')}). Reload it and try again.",
                current);
        }

        var decision = policy.Decide(state, context.Actor, message.Action);
        if (!decision.Allowed)
        {
            throw decision.Refusal == Refusal.Forbidden
                ? new ForbiddenException(decision.Reason!)
                : new ConflictException(decision.Reason!, current);
        }

        return await next(message, cancellationToken);
    }
}
