using System.Text.Json;

namespace FactCheck.Web.Features.Dashboard;

/// Structural sharing between two snapshots of one filter: each card's slice of a fresh snapshot that holds the same
/// numbers as the previous snapshot's is replaced by the previous object. Open pages redraw a card only when its slice
/// is a new object, so a change that moves one claim from one fact-checker to another redraws the workload card on
/// 200 circuits, not the whole dashboard. Compared by their JSON, which is what the cards and the export show.
public static class DeskParts
{
    public static DeskDashboard Reuse(DeskDashboard fresh, DeskDashboard? previous)
    {
        if (previous is null)
        {
            return fresh;
        }

        return fresh with { Current = Reuse(fresh.Current, previous.Current), History = Reuse(fresh.History, previous.History) };
    }

    public static DeskNow Reuse(DeskNow fresh, DeskNow previous)
    {
        if (ReferenceEquals(fresh, previous))
        {
            return fresh;
        }

        var shared = new DeskNow(
            Same(fresh.OpenStates, previous.OpenStates),
            Same(fresh.Overdue, previous.Overdue),
            Same(fresh.DueSoon, previous.DueSoon),
            Same(fresh.Unassigned, previous.Unassigned),
            Same(fresh.Workload, previous.Workload));
        var unchanged = ReferenceEquals(shared.OpenStates, previous.OpenStates) && ReferenceEquals(shared.Overdue, previous.Overdue)
            && ReferenceEquals(shared.DueSoon, previous.DueSoon) && ReferenceEquals(shared.Unassigned, previous.Unassigned)
            && ReferenceEquals(shared.Workload, previous.Workload);
        return unchanged ? previous : shared;
    }

    public static DeskHistory Reuse(DeskHistory fresh, DeskHistory previous)
    {
        if (ReferenceEquals(fresh, previous))
        {
            return fresh;
        }

        var shared = new DeskHistory(
            Same(fresh.ClosedStates, previous.ClosedStates),
            Same(fresh.Throughput, previous.Throughput),
            Same(fresh.TimeToVerdict, previous.TimeToVerdict),
            Same(fresh.Verdicts, previous.Verdicts),
            Same(fresh.Sides, previous.Sides),
            Same(fresh.Claimants, previous.Claimants));
        var unchanged = ReferenceEquals(shared.ClosedStates, previous.ClosedStates) && ReferenceEquals(shared.Throughput, previous.Throughput)
            && ReferenceEquals(shared.TimeToVerdict, previous.TimeToVerdict) && ReferenceEquals(shared.Verdicts, previous.Verdicts)
            && ReferenceEquals(shared.Sides, previous.Sides) && ReferenceEquals(shared.Claimants, previous.Claimants);
        return unchanged ? previous : shared;
    }

    private static T Same<T>(T fresh, T previous)
        where T : class =>
        JsonSerializer.SerializeToUtf8Bytes(fresh).AsSpan().SequenceEqual(JsonSerializer.SerializeToUtf8Bytes(previous)) ? previous : fresh;
}
