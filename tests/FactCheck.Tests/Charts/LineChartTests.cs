using Microsoft.Extensions.DependencyInjection;
using Bunit;
using FactCheck.Web.Components.Charts;

namespace FactCheck.Tests.Charts;

public sealed class LineChartTests : BunitContext
{
    public LineChartTests() => Services.AddLocalization();

    private static readonly IReadOnlyList<string> Days = ["22 Oct", "23 Oct", "24 Oct", "25 Oct"];

    private IRenderedComponent<LineChart> Published(params ChartSeries[] series) =>
        Render<LineChart>(p => p.Add(c => c.Title, "Published per day").Add(c => c.Labels, Days).Add(c => c.Series, series));

    [Fact]
    public void Points_run_left_to_right_and_higher_values_sit_higher()
    {
        var chart = Published(new ChartSeries("Published", "#0072B2", [1, 3, 4, 0]));

        var points = chart.FindAll("svg circle[data-value]");
        Assert.Equal(Days, points.Select(p => p.GetAttribute("data-label")));
        Assert.Equal(["1", "3", "4", "0"], points.Select(p => p.GetAttribute("data-value")));
        var xs = points.Select(p => Svg.Number(p, "cx")).ToList();
        Assert.Equal(xs.Order(), xs);
        Assert.Equal(xs[1] - xs[0], xs[3] - xs[2], precision: 3);
        // SVG's y grows downwards: 4 is drawn highest, 0 lowest, and equal steps in value are equal steps in y.
        var ys = points.Select(p => Svg.Number(p, "cy")).ToList();
        Assert.True(ys[2] < ys[1] && ys[1] < ys[0] && ys[0] < ys[3], string.Join(", ", ys));
        Assert.Equal(ys[3] - ys[0], (ys[0] - ys[1]) / 2, precision: 3);
    }

    [Fact]
    public void The_zero_tick_lines_up_with_points_of_zero()
    {
        var chart = Published(new ChartSeries("Published", "#0072B2", [1, 3, 4, 0]));

        var zero = chart.Find("svg g.chart-tick[data-value='0'] line");
        Assert.Equal(Svg.Number(zero, "y1"), Svg.Number(chart.FindAll("svg circle[data-value]")[3], "cy"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(7)]
    [InlineData(12)]
    [InlineData(2.5)]
    [InlineData(99)]
    [InlineData(100)]
    [InlineData(1234)]
    public void Y_ticks_are_three_to_five_whole_numbers_from_zero_reaching_the_highest_value(double max)
    {
        var chart = Published(new ChartSeries("Published", "#0072B2", [0, max / 2, max, 0]));

        var ticks = chart.FindAll("svg g.chart-tick").Select(t => Svg.Number(t, "data-value")).ToList();
        Assert.InRange(ticks.Count, 3, 5);
        Assert.Equal(0, ticks[0]);
        Assert.True(ticks[^1] >= max, $"top tick {ticks[^1]} below {max}");
        Assert.All(ticks, t => Assert.Equal(Math.Floor(t), t));
        var step = ticks[1] - ticks[0];
        Assert.All(ticks.Zip(ticks.Skip(1)), pair => Assert.Equal(step, pair.Second - pair.First));
        // No wasted headroom: one step less would not reach the maximum (beyond the two-step minimum).
        Assert.True(ticks.Count == 3 || ticks[^2] < max, string.Join(", ", ticks));
    }

    [Fact]
    public void At_most_eight_x_labels_are_written_always_the_first_and_last_but_every_point_is_drawn()
    {
        var labels = Enumerable.Range(1, 30).Select(d => $"{d} Nov").ToList();
        var chart = Render<LineChart>(p => p.Add(c => c.Title, "Published per day").Add(c => c.Labels, labels)
            .Add(c => c.Series, [new ChartSeries("Published", "#0072B2", labels.Select((_, i) => (double)(i % 5)).ToList())]));

        var shown = chart.FindAll("svg g.chart-x-label text").Select(t => t.TextContent).ToList();
        Assert.InRange(shown.Count, 2, 8);
        Assert.Equal("1 Nov", shown[0]);
        Assert.Equal("30 Nov", shown[^1]);
        var xs = chart.FindAll("svg g.chart-x-label text").Select(t => Svg.Number(t, "x")).ToList();
        Assert.All(xs.Zip(xs.Skip(1)), pair => Assert.True(pair.Second - pair.First >= 40, $"labels {pair.First} and {pair.Second} crowd each other"));
        Assert.Equal(30, chart.FindAll("svg circle[data-value]").Count);
        Assert.Equal(30, chart.FindAll("table tbody tr").Count);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(10)]
    [InlineData(31)]
    [InlineData(90)]
    [InlineData(365)]
    public void Thinned_labels_are_evenly_spread_and_keep_both_ends(int count)
    {
        var shown = LineChart.ThinLabels(count, 8);

        Assert.InRange(shown.Count, 1, 8);
        Assert.Equal(0, shown[0]);
        Assert.Equal(count - 1, shown[^1]);
        Assert.Equal(shown.Distinct().Order(), shown);
        var gaps = shown.Zip(shown.Skip(1), (a, b) => b - a).ToList();
        // Even steps, except the last, which is never less than half a step.
        Assert.All(gaps.SkipLast(1), g => Assert.Equal(gaps[0], g));
        Assert.True(gaps.Count == 0 || gaps[^1] * 2 > gaps[0], string.Join(", ", shown));
    }

    [Fact]
    public void Lines_differ_in_dash_pattern_and_name_as_well_as_colour()
    {
        var chart = Published(new ChartSeries("Published", "#0072B2", [1, 3, 4, 2]), new ChartSeries("Corrected", "#E69F00", [0, 1, 0, 1]));

        var paths = chart.FindAll("svg[role=img] g.chart-series path");
        Assert.Equal(2, paths.Count);
        Assert.NotEqual(paths[0].GetAttribute("stroke-dasharray"), paths[1].GetAttribute("stroke-dasharray"));
        var legend = chart.FindAll(".chart-legend li");
        Assert.Equal(["Published", "Corrected"], legend.Select(Svg.Text));
        Assert.Equal(
            paths.Select(p => p.GetAttribute("stroke-dasharray")),
            legend.Select(li => li.QuerySelector("line")!.GetAttribute("stroke-dasharray")));
        Assert.Equal(4, chart.FindAll("svg circle[data-series=Corrected]").Count);
    }

    [Fact]
    public void Each_line_ends_with_its_last_value_and_each_point_names_itself_in_a_tooltip()
    {
        var chart = Published(new ChartSeries("Published", "#0072B2", [1, 3, 4, 2]), new ChartSeries("Corrected", "#E69F00", [0, 1, 0, 2]));

        var ends = chart.FindAll("svg text.chart-end-value");
        Assert.Equal(["2", "2"], ends.Select(e => e.TextContent));
        // Both lines end at 2: their labels are pushed apart rather than printed on top of each other.
        Assert.True(Math.Abs(Svg.Number(ends[0], "y") - Svg.Number(ends[1], "y")) >= 12);
        var lastX = Svg.Number(chart.FindAll("svg circle[data-series=Published]")[3], "cx");
        Assert.All(ends, e => Assert.True(Svg.Number(e, "x") > lastX));
        Assert.Equal("Published, 24 Oct: 4", chart.Find("svg circle[data-series=Published][data-label='24 Oct'] title").TextContent);
    }

    [Fact]
    public void The_summary_for_screen_readers_carries_the_total_and_the_peak()
    {
        var chart = Published(new ChartSeries("Published", "#0072B2", [3, 2, 4, 3]));

        Assert.Equal("Published per day: total 12, highest 4 on 24 Oct.", chart.Find("svg[role=img]").GetAttribute("aria-label"));
        Assert.Empty(chart.FindAll(".chart-legend"));
    }

    [Fact]
    public void Several_lines_are_summarised_each_by_name()
    {
        var chart = Published(new ChartSeries("Published", "#0072B2", [3, 2, 4, 3]), new ChartSeries("Corrected", "#E69F00", [0, 0, 0, 0]));

        Assert.Equal("Published per day: Published total 12, highest 4 on 24 Oct; Corrected all 0.", chart.Find("svg[role=img]").GetAttribute("aria-label"));
    }

    [Fact]
    public void Values_with_a_unit_carry_it_everywhere_and_are_not_totalled()
    {
        var chart = Render<LineChart>(p => p.Add(c => c.Title, "Median time to verdict").Add(c => c.Labels, Days).Add(c => c.Unit, "h")
            .Add(c => c.Series, [new ChartSeries("Median", "#0072B2", [30, 12.25, 1500, 48])]));

        Assert.Equal("Median time to verdict: highest 1,500 h on 24 Oct.", chart.Find("svg[role=img]").GetAttribute("aria-label"));
        Assert.Equal(["30 h", "12.3 h", "1,500 h", "48 h"], chart.FindAll("table tbody td").Select(Svg.Text));
        Assert.Equal("48 h", chart.Find("svg text.chart-end-value").TextContent);
        Assert.Equal("12.25", chart.FindAll("svg circle")[1].GetAttribute("data-value"));
    }

    [Fact]
    public void The_hidden_table_has_a_row_per_label_and_a_column_per_series()
    {
        var chart = Published(new ChartSeries("Published", "#0072B2", [1, 3, 4, 2]), new ChartSeries("Corrected", "#E69F00", [0, 1, 0, 1]));

        Assert.Equal("Published per day", chart.Find(".sr-only table caption").TextContent);
        Assert.Equal(["", "Published", "Corrected"], chart.FindAll("table thead tr > *").Select(Svg.Text));
        Assert.Equal(
            ["22 Oct 1 0", "23 Oct 3 1", "24 Oct 4 0", "25 Oct 2 1"],
            chart.FindAll("table tbody tr").Select(r => string.Join(" ", r.Children.Select(Svg.Text))));
    }

    [Fact]
    public void A_single_point_sits_in_the_middle()
    {
        var chart = Render<LineChart>(p => p.Add(c => c.Title, "Published").Add(c => c.Labels, ["24 Oct"]).Add(c => c.Series, [new ChartSeries("Published", "#0072B2", [5])]));

        var point = chart.Find("svg circle[data-value]");
        var svg = chart.Find("svg[role=img]");
        Assert.InRange(Svg.Number(point, "cx"), Svg.Number(svg, "width") * 0.3, Svg.Number(svg, "width") * 0.7);
        Assert.Equal("24 Oct", chart.Find("svg g.chart-x-label text").TextContent);
    }

    [Fact]
    public void Hostile_names_are_written_as_text()
    {
        var chart = Render<LineChart>(p => p.Add(c => c.Title, "Claims").Add(c => c.Labels, ["<img src=x onerror=alert(1)>"])
            .Add(c => c.Series, [new ChartSeries("<script>alert(1)</script>", "#0072B2", [5])]));

        Assert.Empty(chart.FindAll("script, img"));
        Assert.Equal("<script>alert(1)</script>", chart.Find("svg circle").GetAttribute("data-series"));
        Assert.Equal("<img src=x onerror=alert(1)>", chart.Find("table tbody th").TextContent);
    }

    [Fact]
    public void No_labels_show_the_empty_state_under_the_title()
    {
        var chart = Render<LineChart>(p => p.Add(c => c.Title, "Published per day").Add(c => c.Labels, []).Add(c => c.Series, []).Add(c => c.TestId, "throughput"));

        var figure = chart.Find("figure[data-testid=throughput]");
        Assert.Equal("Published per day", figure.QuerySelector("figcaption")!.TextContent);
        Assert.Equal("No data for this period.", figure.QuerySelector("p.chart-empty")!.TextContent);
        Assert.Empty(chart.FindAll("svg, table"));
    }
}
