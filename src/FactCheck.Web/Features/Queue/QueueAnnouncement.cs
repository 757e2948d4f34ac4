using System.Globalization;

namespace FactCheck.Web.Features.Queue;

/// What a screen reader says after the queue reloads by itself for someone else's change: the claims that arrived in
/// this view and how many of those shown changed. Read politely, focus stays where the person is working.
public static class QueueAnnouncement
{
    public static string? Describe(IReadOnlySet<long> shownBefore, QueuePage now, IReadOnlySet<long> changed)
    {
        var arrived = now.Items.Where(r => !shownBefore.Contains(r.Id)).ToList();
        var updated = now.Items.Count(r => shownBefore.Contains(r.Id) && changed.Contains(r.Id));
        var parts = new List<string>();
        if (arrived.Count == 1)
        {
            parts.Add($"New in this view: {arrived[0].Title}.");
        }
        else if (arrived.Count > 1)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{arrived.Count} claims new in this view."));
        }

        if (updated > 0)
        {
            parts.Add(updated == 1 ? "1 claim changed." : string.Create(CultureInfo.InvariantCulture, $"{updated} claims changed."));
        }

        return parts.Count == 0 ? null : "Queue updated. " + string.Join(" ", parts);
    }
}
