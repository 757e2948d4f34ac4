using Microsoft.Extensions.DependencyInjection;
using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Bunit;
using FactCheck.Web.Components.Charts;

namespace FactCheck.Tests.Charts;

public sealed partial class DonutChartTests : BunitContext
{
    public DonutChartTests() => Services.AddLocalization();

    private IRenderedComponent<DonutChart> Verdicts(string? center, params ChartSlice[] slices) =>
        Render<DonutChart>(p => p.Add(c => c.Title, "Verdicts").Add(c => c.Slices, slices).Add(c => c.CenterLabel, center));

    [Fact]
    public void Slices_take_angles_in_proportion_to_their_values_clockwise_from_the_top()
    {
        var chart = Verdicts(null, new ChartSlice("True", 1, "#009E73"), new ChartSlice("False", 3, "#D55E00"));

        var paths = chart.FindAll("svg path[data-value]");
        Assert.Equal(["True", "False"], paths.Select(p => p.GetAttribute("data-label")));
        Assert.Equal(["1", "3"], paths.Select(p => p.GetAttribute("data-value")));
        var first = OuterArc(paths[0]);
        var second = OuterArc(paths[1]);
        Assert.Equal(0, first.Start, precision: 1);
        Assert.Equal(90, first.Sweep, precision: 1);
        Assert.False(first.Large);
        Assert.Equal(90, second.Start, precision: 1);
        Assert.Equal(270, second.Sweep, precision: 1);
        Assert.True(second.Large);
    }

    [Fact]
    public void One_slice_that_is_the_whole_draws_a_full_ring()
    {
        var chart = Verdicts("4 verdicts", new ChartSlice("False", 4, "#D55E00"), new ChartSlice("True", 0, "#009E73"));

        var path = Assert.Single(chart.FindAll("svg path[data-value]"));
        Assert.Equal("False", path.GetAttribute("data-label"));
        Assert.Equal("evenodd", path.GetAttribute("fill-rule"));
        var d = path.GetAttribute("d")!;
        // Two closed circles (outer and inner), each from two half-circle arcs, so no arc starts where it ends.
        Assert.Equal(2, d.Count(c => c == 'M'));
        Assert.Equal(4, d.Count(c => c == 'A'));
        Assert.Contains("A92,92", d, StringComparison.Ordinal);
        Assert.Contains("A58,58", d, StringComparison.Ordinal);
        Assert.Contains("True — 0 (0%)", chart.FindAll(".chart-legend li").Select(Svg.Text));
        Assert.Contains("False — 4 (100%)", chart.FindAll(".chart-legend li").Select(Svg.Text));
    }

    [Fact]
    public void The_legend_writes_each_label_count_and_share_and_links_it()
    {
        var chart = Verdicts("12 verdicts",
            new ChartSlice("False", 6, "#D55E00", "/claims?rating=false"),
            new ChartSlice("Mostly false", 3, "#E69F00", "/claims?rating=mostly-false"),
            new ChartSlice("True", 3, "#009E73"));

        var items = chart.FindAll(".chart-legend li");
        Assert.Equal(["False — 6 (50%)", "Mostly false — 3 (25%)", "True — 3 (25%)"], items.Select(Svg.Text));
        Assert.Equal(["/claims?rating=false", "/claims?rating=mostly-false"], chart.FindAll(".chart-legend a").Select(a => a.GetAttribute("href")));
        Assert.Equal("Mostly false", items[1].QuerySelector("a")!.TextContent);
        Assert.Empty(items[2].QuerySelectorAll("a"));
    }

    [Fact]
    public void Shares_add_up_to_a_hundred_percent()
    {
        var chart = Verdicts(null, new ChartSlice("A", 1, "#0072B2"), new ChartSlice("B", 1, "#E69F00"), new ChartSlice("C", 1, "#009E73"));

        var shares = chart.FindAll("table tbody tr").Select(r => r.Children[2].TextContent).ToList();
        Assert.Equal(100, shares.Sum(s => int.Parse(s.TrimEnd('%'), CultureInfo.InvariantCulture)));
        Assert.All(shares, s => Assert.Contains(s, new[] { "33%", "34%" }));
    }

    [Fact]
    public void A_tiny_share_reads_less_than_one_percent_rather_than_none()
    {
        var chart = Verdicts(null, new ChartSlice("Common", 999, "#0072B2"), new ChartSlice("Rare", 1, "#E69F00"));

        Assert.Equal(["Common — 999 (>99%)", "Rare — 1 (<1%)"], chart.FindAll(".chart-legend li").Select(Svg.Text));
        Assert.Equal(2, chart.FindAll("svg path[data-value]").Count);
    }

    [Fact]
    public void The_hidden_table_lists_every_slice_with_its_count_and_share()
    {
        var chart = Verdicts(null, new ChartSlice("False", 12345, "#D55E00", "/claims?rating=false"), new ChartSlice("True", 0, "#009E73"));

        Assert.Equal("Verdicts", chart.Find(".sr-only table caption").TextContent);
        Assert.Equal(["", "Count", "Share"], chart.FindAll("table thead tr > *").Select(Svg.Text));
        Assert.Equal(
            ["False 12,345 100%", "True 0 0%"],
            chart.FindAll("table tbody tr").Select(r => string.Join(" ", r.Children.Select(Svg.Text))));
        Assert.Equal("/claims?rating=false", chart.Find("table tbody a").GetAttribute("href"));
    }

    [Fact]
    public void The_summary_and_the_centre_carry_the_total_and_every_share()
    {
        var chart = Verdicts("12 verdicts", new ChartSlice("False", 9, "#D55E00"), new ChartSlice("True", 3, "#009E73"));

        Assert.Equal("Verdicts: 12 verdicts; False 9 (75%), True 3 (25%).", chart.Find("svg[role=img]").GetAttribute("aria-label"));
        Assert.Equal(["12", "verdicts"], chart.FindAll("svg g.chart-center text").Select(t => t.TextContent));
        Assert.Equal("False — 9 (75%)", chart.Find("svg path[data-label=False] title").TextContent);
    }

    [Fact]
    public void Without_a_centre_label_the_summary_states_the_total()
    {
        var chart = Verdicts(null, new ChartSlice("False", 9, "#D55E00"), new ChartSlice("True", 3, "#009E73"));

        Assert.Equal("Verdicts: total 12; False 9 (75%), True 3 (25%).", chart.Find("svg[role=img]").GetAttribute("aria-label"));
        Assert.Empty(chart.FindAll("svg g.chart-center"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void No_slices_or_only_zeros_show_the_empty_state_under_the_title(bool zeros)
    {
        ChartSlice[] slices = zeros ? [new ChartSlice("False", 0, "#D55E00"), new ChartSlice("True", 0, "#009E73")] : [];
        var chart = Render<DonutChart>(p => p.Add(c => c.Title, "Verdicts").Add(c => c.Slices, slices).Add(c => c.TestId, "verdicts"));

        var figure = chart.Find("figure[data-testid=verdicts]");
        Assert.Equal("Verdicts", figure.QuerySelector("figcaption")!.TextContent);
        Assert.Equal("No data for this period.", figure.QuerySelector("p.chart-empty")!.TextContent);
        Assert.Empty(chart.FindAll("svg, table, ul"));
    }

    [Fact]
    public void Hostile_labels_are_written_as_text()
    {
        const string label = "<script>alert(1)</script>";
        var chart = Verdicts("<b>1</b> verdict", new ChartSlice(label, 1, "#D55E00", "/claims?rating=x"));

        Assert.Empty(chart.FindAll("script, b"));
        Assert.Equal(label, chart.Find("svg path").GetAttribute("data-label"));
        Assert.Equal(label, chart.Find(".chart-legend a").TextContent);
        Assert.Contains("&lt;script&gt;", chart.Markup, StringComparison.Ordinal);
    }

    /// Where the outer arc of a ring segment starts and how far it sweeps, in degrees clockwise from twelve o'clock.
    private static (double Start, double Sweep, bool Large) OuterArc(IElement path)
    {
        // M x,y A rx,ry rotation large sweep x,y L …
        var n = Numbers().Matches(path.GetAttribute("d")!).Select(m => double.Parse(m.Value, CultureInfo.InvariantCulture)).ToList();
        var start = Angle(n[0], n[1]);
        var end = Angle(n[7], n[8]);
        return (start, ((end - start) % 360 + 360) % 360, n[5] == 1);
    }

    private static double Angle(double x, double y) => (Math.Atan2(x - 100, 100 - y) * 180 / Math.PI + 360) % 360;

    [GeneratedRegex(@"-?\d+(\.\d+)?")]
    private static partial Regex Numbers();
}
