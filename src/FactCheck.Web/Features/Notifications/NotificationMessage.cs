using System.Text.Json;
using System.Text.Json.Serialization;

namespace FactCheck.Web.Features.Notifications;

/// What a notification says, language-neutral: a message key (NotificationMessages) and its arguments. Stored as JSON
/// beside the notification and written out by NotificationText in whichever language the reader has chosen. Arguments
/// are the claim's title, people's names and the like (never translated), and instants (ISO 8601, shown in the newsroom's zone).
public sealed record NotificationMessage
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string Key { get; init; } = "";

    public Dictionary<string, string> Args { get; init; } = [];

    /// A digest's work list, in the order it was sent.
    public List<DigestLine>? Work { get; init; }

    /// A digest's unread notifications (at most DigestNotices.MaxListed).
    public List<DigestUnread>? Unread { get; init; }

    public static NotificationMessage Of(string key, params (string Name, string? Value)[] args) =>
        new() { Key = key, Args = args.Where(a => a.Value is not null).ToDictionary(a => a.Name, a => a.Value!) };

    public static NotificationMessage Of(string key, DateTimeOffset at, params (string Name, string? Value)[] args)
    {
        var message = Of(key, args);
        message.Args["at"] = at.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        return message;
    }

    public string Arg(string name) => Args.TryGetValue(name, out var value) ? value : "";

    public DateTimeOffset? At => Args.TryGetValue("at", out var value)
        ? DateTimeOffset.Parse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind)
        : null;

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// Null for notifications written before messages were stored (their stored title and body are all there is).
    public static NotificationMessage? FromJson(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<NotificationMessage>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

public sealed record DigestLine(long ClaimId, string Title, string Status, DateTimeOffset? DueAt, bool Overdue);

/// An unread notification recalled by a digest: its own message where it has one, else its stored title.
public sealed record DigestUnread(long? ClaimId, string Title, NotificationMessage? Message);

/// The message keys. Each has a title (and most a body) in NotificationsText.resx / NotificationsText.id.resx.
public static class NotificationMessages
{
    public const string Assigned = "Assigned";
    public const string ChangesRequested = "ChangesRequested";
    public const string VerdictPublished = "VerdictPublished";
    public const string VerdictApproved = "VerdictApproved";
    public const string ReviewRequested = "ReviewRequested";
    public const string ClaimMoved = "ClaimMoved";
    public const string ClaimReassigned = "ClaimReassigned";
    public const string NoLongerAssigned = "NoLongerAssigned";
    public const string Mention = "Mention";
    public const string Comment = "Comment";
    public const string Tip = "Tip";
    public const string DueSoon = "DueSoon";
    public const string Overdue = "Overdue";
    public const string Escalation = "Escalation";
    public const string WaitingForReview = "WaitingForReview";
    public const string Digest = "Digest";
}
