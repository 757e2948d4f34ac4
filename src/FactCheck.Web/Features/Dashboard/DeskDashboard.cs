using System.Text.Json.Serialization;

namespace FactCheck.Web.Features.Dashboard;

// What the editor dashboard shows. Init-property records: SQLite reports no column type for expressions, and Dapper
// matches constructors by column type, so rows map by property name.

/// The whole editor dashboard for one filter, as of Now. From is where the period starts (null: all time); Zone is
/// the newsroom's, in which days and weeks are counted. Two parts, read and cached apart: Current (where open claims
/// are now; read again after every change) and History (the period's verdicts and balance; read again only when a
/// claim is recorded, published, corrected, rejected, merged or unmerged, or a claimant's side changes). An
/// unchanged part is the very same object, so open pages skip re-rendering it.
public sealed record DeskDashboard(
    DashboardFilter Filter,
    DateTimeOffset Now,
    DateTimeOffset? From,
    string Zone,
    [property: JsonIgnore] DeskNow Current,
    [property: JsonIgnore] DeskHistory History,
    IReadOnlyList<string> Topics,
    IReadOnlyList<string> Languages)
{
    /// Every state in workflow order: the open ones counted now, the closed ones (published, rejected, merged) with
    /// the history part, since only a move into or out of them changes their counts.
    public IReadOnlyList<StateCount> States => Claims.ClaimStatus.All
        .Select(s => Current.OpenStates.Concat(History.ClosedStates).FirstOrDefault(c => c.Status == s) ?? new StateCount(s, 0))
        .ToList();

    public DeadlineList Overdue => Current.Overdue;

    public DeadlineList DueSoon => Current.DueSoon;

    public UnassignedAges Unassigned => Current.Unassigned;

    public IReadOnlyList<Workload> Workload => Current.Workload;

    public IReadOnlyList<ThroughputPoint> Throughput => History.Throughput;

    public TimeToVerdict TimeToVerdict => History.TimeToVerdict;

    public IReadOnlyList<RatingCount> Verdicts => History.Verdicts;

    public IReadOnlyList<BalanceRow> Sides => History.Sides;

    public IReadOnlyList<BalanceRow> Claimants => History.Claimants;
}

/// Where the open claims are now.
public sealed record DeskNow(
    IReadOnlyList<StateCount> OpenStates,
    DeadlineList Overdue,
    DeadlineList DueSoon,
    UnassignedAges Unassigned,
    IReadOnlyList<Workload> Workload);

public sealed record StateCount(string Status, long Count);

public sealed record DeadlineRow
{
    public long ClaimId { get; init; }
    public string Slug { get; init; } = "";
    public string Title { get; init; } = "";
    public string Status { get; init; } = "";
    public string? Priority { get; init; }
    public string? Assignee { get; init; }
    public DateTimeOffset DueAt { get; init; }
}

/// The first few rows (most urgent first) and how many there are in all.
public sealed record DeadlineList(IReadOnlyList<DeadlineRow> Items, long Total);

public sealed record AgeBucket(string Label, long Count);

public sealed record WaitingClaim
{
    public long ClaimId { get; init; }
    public string Slug { get; init; } = "";
    public string Title { get; init; } = "";
    public string Status { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
}

/// Open claims nobody is assigned to, by how long ago they were recorded, and the oldest of them.
public sealed record UnassignedAges(IReadOnlyList<AgeBucket> Buckets, IReadOnlyList<WaitingClaim> Oldest)
{
    public long Total => Buckets.Sum(b => b.Count);
}

/// One person's open assigned claims. DueThisWeek: stage deadline from now to the end of this week (Sunday, newsroom time).
public sealed record Workload
{
    public long UserId { get; init; }
    public string Name { get; init; } = "";
    public long Open { get; init; }
    public long Overdue { get; init; }
    public long DueThisWeek { get; init; }
    public long InReview { get; init; }
}

/// Verdicts published in one day or week (Start is its first day): first verdicts and corrections.
public sealed record ThroughputPoint(DateOnly Start, long Published, long Corrected);

public sealed record Spread(int Count, double? MedianHours, double? P90Hours);

/// From a claim being recorded to its first published verdict, for verdicts first published in the period; and the
/// time spent in each state on the way (a claim sent back for changes adds its second round to the same states).
public sealed record TimeToVerdict(Spread Overall, IReadOnlyList<StageSpread> Stages);

public sealed record StageSpread(string Stage, Spread Spread);

public sealed record RatingCount(string Rating, string Label, long Count);

/// Claims recorded in the period for one claimant or one side, and what became of them.
public sealed record BalanceRow(string Key, string Name, string? Side, long Recorded, long Checked, long Open, long Rejected, IReadOnlyList<RatingCount> Ratings)
{
    public double CheckedShare => Recorded == 0 ? 0 : (double)Checked / Recorded;
}
