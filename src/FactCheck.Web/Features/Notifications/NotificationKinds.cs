namespace FactCheck.Web.Features.Notifications;

/// The kinds of work notification, each switchable per person at /notifications: off, in the app (bell and inbox),
/// or in the app and by e-mail. Reminders and digests are not among them (they have their own switches).
public static class NotificationKinds
{
    public const string Assigned = "assigned";
    public const string ChangesRequested = "changes-requested";
    public const string VerdictApproved = "verdict-approved";
    public const string VerdictPublished = "verdict-published";
    public const string ReviewRequested = "review-requested";
    public const string ClaimChanged = "claim-changed";
    public const string ClaimComment = "claim-comment";
    public const string Mention = "mention";
    public const string Tip = "tip";

    public const string Off = "off";
    public const string App = "app";
    public const string Email = "email";

    public static readonly IReadOnlyList<string> Deliveries = [Off, App, Email];

    /// In the order /notifications lists them, with what the person sees there and the default for someone who never chose:
    /// in the app for every kind. E-mail is chosen per kind, so turning the feature on sends nobody mail they did not ask for
    /// (deadline reminders already come by e-mail).
    public static readonly IReadOnlyList<NotificationKind> All =
    [
        new(Assigned, "A claim is assigned or reassigned to me", App),
        new(ChangesRequested, "An editor requests changes on my verdict", App),
        new(VerdictApproved, "An editor approves my verdict (more approvals needed)", App),
        new(VerdictPublished, "My verdict is published", App),
        new(ReviewRequested, "A verdict waits for my approval (editors)", App),
        new(Mention, "Someone mentions me in a comment", App),
        new(ClaimComment, "Someone comments on a claim I follow", App),
        new(ClaimChanged, "A claim I follow changes state or assignee", App),
        new(Tip, "A reader sends a tip (editors)", App),
    ];

    public static bool IsKnown(string kind) => All.Any(k => k.Key == kind);

    public static string DefaultFor(string kind) => All.FirstOrDefault(k => k.Key == kind)?.Default ?? App;
}

public sealed record NotificationKind(string Key, string Label, string Default);
