using System.Text.Json;

namespace FactCheck.Web.Features.Dashboard;

/// Structural sharing between two snapshots of one filter: each card's slice of a fresh snapshot that holds the same
/// numbers as the previous snapshot's is replaced by the previous object. Open pages redraw a card only when its slice
/// is a new object, so a change that moves one claim from one fact-checker to another redraws the workload card on
/// 200 circuits, not the whole dashboard. Compared by their JSON, which is what the cards and the export show.
public static class SnapshotReuse
{
    public static DeskDashboard Reuse(DeskDashboard fresh, DeskDashboard? previous)
    {
        if (previous is null)
        {
            return fresh;
        }

        return fresh with { Current = Reuse(fresh.Current, previous.Current), History = Reuse(fresh.History, previous.History) };
    }

    // After sharing, a part whose every slice came from the previous one equals it (records compare their members,
    // and shared members are the same objects): then the previous part itself is kept, and its section skips rendering.
    public static DeskNow Reuse(DeskNow fresh, DeskNow previous)
    {
        var shared = fresh with
        {
            OpenStates = Same(fresh.OpenStates, previous.OpenStates),
            Overdue = Same(fresh.Overdue, previous.Overdue),
            DueSoon = Same(fresh.DueSoon, previous.DueSoon),
            Unassigned = Same(fresh.Unassigned, previous.Unassigned),
            Workload = Same(fresh.Workload, previous.Workload),
        };
        return shared == previous ? previous : shared;
    }

    public static DeskHistory Reuse(DeskHistory fresh, DeskHistory previous)
    {
        var shared = fresh with
        {
            ClosedStates = Same(fresh.ClosedStates, previous.ClosedStates),
            Throughput = Same(fresh.Throughput, previous.Throughput),
            TimeToVerdict = Same(fresh.TimeToVerdict, previous.TimeToVerdict),
            Verdicts = Same(fresh.Verdicts, previous.Verdicts),
            Sides = Same(fresh.Sides, previous.Sides),
            Claimants = Same(fresh.Claimants, previous.Claimants),
        };
        return shared == previous ? previous : shared;
    }

    private static T Same<T>(T fresh, T previous)
        where T : class =>
        JsonSerializer.SerializeToUtf8Bytes(fresh).AsSpan().SequenceEqual(JsonSerializer.SerializeToUtf8Bytes(previous)) ? previous : fresh;
}
