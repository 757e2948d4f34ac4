using Xunit.Abstractions;

namespace FactCheck.Tests.Architecture;

/// Dependencies point one way: features use Infrastructure and Components, never the reverse, and features use one
/// another without going round in a circle. Only the composition file at the top (FeatureSetup, beside
/// Program) names every feature. Read from the compiled assembly, so a Razor component's references count.
public sealed class DependencyDirectionTests(ITestOutputHelper output)
{
    [Fact]
    public void Infrastructure_and_components_never_use_a_feature()
    {
        var wrong = CodeMap.Edges.Value
            .Where(e => e.Key is "Infrastructure" or "Components")
            .SelectMany(e => e.Value.Where(t => t.Key.StartsWith("Features/", StringComparison.Ordinal))
                .Select(t => $"{e.Key} → {t.Key}: {string.Join(", ", t.Value.Order(StringComparer.Ordinal))}"))
            .ToList();

        Assert.True(wrong.Count == 0, "Move what both use down, or plug the feature in through a seam:\n" + string.Join("\n", wrong));
    }

    /// Cycles not yet broken. Claims' change policy and GetClaim read Review's state, and Review's actions change claims
    /// through Claims' change pipeline and its forms take GetClaim's ClaimDetail. (The claim page and the review panel,
    /// which composed Review, Reminders, Comments and Following, live in ClaimDesk above them; the work notification
    /// behaviour, which reads Review, Tips and Following, lives in WorkNotifications above Notifications.)
    /// A new cycle fails; so does one that is gone but still listed.
    private static readonly string[] KnownCycles =
    [
        "Claims → Review → Claims",
    ];

    [Fact]
    public void Features_use_one_another_without_a_new_cycle()
    {
        output.WriteLine(CodeMap.Describe());
        var graph = CodeMap.Edges.Value
            .Where(e => e.Key.StartsWith("Features/", StringComparison.Ordinal))
            .ToDictionary(e => e.Key, e => e.Value.Keys.Where(k => k.StartsWith("Features/", StringComparison.Ordinal)).ToList(), StringComparer.Ordinal);

        var cycles = Cycles(graph).Select(c => string.Join(" → ", c.Select(p => p[9..]))).ToList();

        var added = cycles.Except(KnownCycles).ToList();
        var gone = KnownCycles.Except(cycles).ToList();
        Assert.True(added.Count == 0, "New feature cycles (move what both use to the lower feature):\n" + string.Join("\n", added) + "\n\n" + CodeMap.Describe());
        Assert.True(gone.Count == 0, "These cycles are gone: take them off KnownCycles:\n" + string.Join("\n", gone));
    }

    [Fact]
    public void The_map_sees_references_made_only_inside_razor_markup_and_method_bodies()
    {
        // ClaimPage renders CommentsPanel only in its markup; GetDeskDashboard names no feature type in a signature.
        var desk = CodeMap.Edges.Value["Features/ClaimDesk"];
        Assert.Contains("ClaimPage → CommentsPanel", desk["Features/Comments"]);
        Assert.Contains("QueueFilters → ClaimantFilter", CodeMap.Edges.Value["Features/Queue"]["Features/Claims"]);
        Assert.Contains(CodeMap.Edges.Value["Features/Dashboard"], e => e.Key == "Infrastructure");
    }

    /// Each elementary cycle once, found by a depth-first walk from every part in order.
    private static IEnumerable<List<string>> Cycles(IReadOnlyDictionary<string, List<string>> graph)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in graph.Keys.Order(StringComparer.Ordinal))
        {
            var stack = new List<string> { start };
            foreach (var cycle in Walk(graph, start, stack))
            {
                var key = string.Join(",", cycle.Order(StringComparer.Ordinal));
                if (seen.Add(key))
                {
                    yield return [.. cycle, start];
                }
            }
        }
    }

    private static IEnumerable<List<string>> Walk(IReadOnlyDictionary<string, List<string>> graph, string start, List<string> path)
    {
        foreach (var next in graph.GetValueOrDefault(path[^1]) ?? [])
        {
            if (next == start)
            {
                yield return [.. path];
            }
            else if (string.CompareOrdinal(next, start) > 0 && !path.Contains(next))
            {
                path.Add(next);
                foreach (var cycle in Walk(graph, start, path))
                {
                    yield return cycle;
                }

                path.RemoveAt(path.Count - 1);
            }
        }
    }
}
