using System.Globalization;
using System.Resources;
using System.Text;
using FactCheck.Web.Infrastructure.Clock;
using static FactCheck.Web.Features.Notifications.NotificationMessages;

namespace FactCheck.Web.Features.Notifications;

/// Names the notification strings (NotificationsText.resx, NotificationsText.id.resx): messages, kinds and the inbox's labels.
public sealed class NotificationsText;

/// Writes a notification's message in one language, with times in the newsroom's zone ("7 Desember 2026 pukul 23.14 WIB",
/// "7 December 2026, 23:14 WIB"). Takes the culture explicitly, not the thread's: a reminder sweep writes to an Indonesian
/// and an English recipient in the same run, and the inbox writes in the reader's language.
public sealed class NotificationText(CultureInfo culture, TimeZoneInfo zone)
{
    public const string Indonesian = "id";
    public const string English = "en";

    private static readonly ResourceManager Resources = new(typeof(NotificationsText));

    public CultureInfo Culture => culture;

    /// A person's language as stored on their account (users.language). Someone who has never signed in has none yet, and
    /// gets what the staff side shows a browser that names neither language: English, the app's default UI culture.
    public static string LanguageOf(string? stored) => stored == Indonesian ? Indonesian : English;

    public static CultureInfo CultureOf(string? language) =>
        CultureInfo.GetCultureInfo(LanguageOf(language) == English ? "en-GB" : "id-ID");

    public static NotificationText For(string? language, TimeZoneInfo zone) => new(CultureOf(language), zone);

    /// The reader's current UI language (the circuit's or the request's).
    public static NotificationText ForCurrentCulture(TimeZoneInfo zone) =>
        For(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == Indonesian ? Indonesian : English, zone);

    public string this[string key] => Resources.GetString(key, culture) ?? key;

    public string Format(string key, params object?[] args) => string.Format(culture, this[key], args);

    public (string Title, string? Body) Render(NotificationMessage m)
    {
        var claim = m.Arg("claim");
        var by = m.Arg("by");
        return m.Key switch
        {
            Assigned => (Format("AssignedTitle", claim), Join(Format("AssignedBody", by), m.Arg("comment"))),
            ChangesRequested => (Format("ChangesRequestedTitle", claim), $"{by}: {m.Arg("comment")}"),
            VerdictPublished => (Format("VerdictPublishedTitle", claim), Format("VerdictPublishedBody", by)),
            VerdictApproved => (Format("VerdictApprovedTitle", by, claim), this["VerdictApprovedBody"]),
            ReviewRequested => (Format("ReviewRequestedTitle", claim), Format("ReviewRequestedBody", by)),
            ClaimMoved => (Format("ClaimMovedTitle", claim, Status(m.Arg("status")), Action(m.Arg("action")), by), null),
            ClaimReassigned => (Format("ClaimReassignedTitle", claim, by), null),
            NoLongerAssigned => (Format("ClaimReassignedTitle", claim, by), this["NoLongerAssignedBody"]),
            Mention => (Format("MentionTitle", by, claim), m.Arg("excerpt")),
            Comment => (Format("CommentTitle", by, claim), m.Arg("excerpt")),
            Tip => (Format("TipTitle", m.Arg("headline")), this["TipBody"]),
            DueSoon => (Format("DueSoonTitle", claim), Format("DueSoonBody", claim, Due(m.At))),
            Overdue => (Format("OverdueTitle", claim), Format("OverdueBody", claim, Due(m.At))),
            Escalation => (Format("EscalationTitle", claim),
                Format("EscalationBody", m.Args.TryGetValue("assignee", out var assignee) ? assignee : this["TheAssignee"], claim, Due(m.At))),
            WaitingForReview => (Format("WaitingForReviewTitle", claim), Format("WaitingForReviewBody", claim, Due(m.At))),
            NotificationMessages.Digest => Digest(m),
            _ => (m.Key, null),
        };
    }

    /// "in review" / "ditinjau redaktur"; an unknown state as it is stored.
    public string Status(string status) => Resources.GetString("Status_" + status, culture) ?? status.Replace('_', ' ');

    public string Action(string action) => Resources.GetString("Action_" + action, culture) ?? action;

    public string KindLabel(string kind) => Resources.GetString("Kind_" + kind, culture) ?? kind;

    /// "7 December 2026, 23:14 WIB" / "7 Desember 2026 pukul 23.14 WIB" (NewsroomTime writes every desk date).
    public string Moment(DateTimeOffset at) => NewsroomTime.Of(zone.Id).Stamp(at, culture);

    /// A due date picked as a day reads as that day ("10 December 2026, end of day WIB"); an exact one as a moment.
    public string Due(DateTimeOffset? due) => due is { } at ? NewsroomTime.Of(zone.Id).Due(at, culture) : this["NoDueDate"];

    public string Count(string key, int n) => Format(n == 1 ? key + "One" : key + "Many", n);

    private (string Title, string? Body) Digest(NotificationMessage m)
    {
        var work = m.Work ?? [];
        var unread = m.Unread ?? [];
        var unreadTotal = int.TryParse(m.Arg("unread"), CultureInfo.InvariantCulture, out var u) ? u : unread.Count;
        var overdue = work.Count(w => w.Overdue);
        var unreadText = Count("UnreadCount", unreadTotal);
        var title = work.Count == 0
            ? Format("DigestTitle", unreadText)
            : Format("DigestWorkTitle", string.Join(", ", new[]
            {
                Count("ClaimCount", work.Count),
                overdue > 0 ? Format("DigestOverdue", overdue) : null,
                unreadTotal > 0 ? unreadText : null,
            }.OfType<string>()));

        var body = new StringBuilder();
        foreach (var line in work)
        {
            body.Append(Format("DigestLine", line.Overdue ? this["DigestOverdueFlag"] : "", line.Title, Status(line.Status), Due(line.DueAt), line.ClaimId)).Append('\n');
        }

        if (unreadTotal > 0)
        {
            if (body.Length > 0)
            {
                body.Append('\n');
            }

            body.Append(Format("DigestUnreadHeader", unreadTotal)).Append('\n');
            foreach (var notice in unread)
            {
                body.Append("• ").Append(notice.Message is { } inner ? Render(inner).Title : notice.Title);
                if (notice.ClaimId is { } claimId)
                {
                    body.Append(CultureInfo.InvariantCulture, $" /claims/{claimId}");
                }

                body.Append('\n');
            }

            if (unreadTotal > unread.Count)
            {
                body.Append(Format("DigestMore", unreadTotal - unread.Count)).Append('\n');
            }
        }

        return (title, body.ToString().TrimEnd());
    }

    private static string Join(string first, string? second) => string.IsNullOrWhiteSpace(second) ? first : $"{first} {second.Trim()}";
}
