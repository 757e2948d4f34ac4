using FactCheck.Web.Infrastructure.Pipeline;
using Microsoft.AspNetCore.Components;

namespace FactCheck.Web.Features.Review;

/// What every action form of the review panel takes: how to send its command, and the panel's state.
public abstract class ClaimActionForm : ComponentBase
{
    /// Sends the command the form builds for the claim version it was opened on; returns the field errors, if any.
    public delegate Task<ValidationFailedException?> ActionSender(Func<long, IClaimAction> build);

    [Parameter, EditorRequired]
    public ActionSender Send { get; set; } = default!;

    [Parameter]
    public EventCallback Cancel { get; set; }

    /// The panel is sending a command (this form's or another's).
    [Parameter]
    public bool Busy { get; set; }

    /// The action cannot be taken now (the panel says why); the form stays open with its text.
    [Parameter]
    public bool Blocked { get; set; }
}
