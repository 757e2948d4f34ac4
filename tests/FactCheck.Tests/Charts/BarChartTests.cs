using Microsoft.Extensions.DependencyInjection;
using Bunit;
using FactCheck.Web.Components.Charts;

namespace FactCheck.Tests.Charts;

public sealed class BarChartTests : BunitContext
{
    public BarChartTests() => Services.AddLocalization();

    private static readonly ChartSeries Open = new("Open", "#0072B2", [10, 5]);

    [Fact]
    public void Bar_widths_are_proportional_to_the_values()
    {
        var chart = Render<BarChart>(p => p.Add(c => c.Title, "Open claims").Add(c => c.Categories, ["Alice", "Bob"]).Add(c => c.Series, [Open]));

        var bars = chart.FindAll("svg rect[data-value]");
        Assert.Equal(["Alice", "Bob"], bars.Select(b => b.GetAttribute("data-category")));
        Assert.Equal(["10", "5"], bars.Select(b => b.GetAttribute("data-value")));
        Assert.Equal(2, Svg.Number(bars[0], "width") / Svg.Number(bars[1], "width"), precision: 3);
        // One row per category, the second below the first, both starting at the same baseline.
        Assert.True(Svg.Number(bars[1], "y") > Svg.Number(bars[0], "y"));
        Assert.Equal(Svg.Number(bars[0], "x"), Svg.Number(bars[1], "x"));
    }

    [Fact]
    public void Each_bar_has_its_value_written_just_past_its_end()
    {
        var chart = Render<BarChart>(p => p.Add(c => c.Title, "Open claims").Add(c => c.Categories, ["Alice", "Bob"]).Add(c => c.Series, [Open]));

        foreach (var group in chart.FindAll("svg g.chart-bar-value"))
        {
            var bar = group.QuerySelector("rect")!;
            var label = group.QuerySelector("text")!;
            Assert.Equal(bar.GetAttribute("data-value"), label.TextContent);
            Assert.True(Svg.Number(label, "x") > Svg.Number(bar, "x") + Svg.Number(bar, "width"));
        }
    }

    [Fact]
    public void Grouped_bars_draw_one_bar_per_category_and_series_and_name_the_series_in_a_legend()
    {
        var chart = Render<BarChart>(p => p
            .Add(c => c.Title, "Workload")
            .Add(c => c.Categories, ["Alice", "Bob", "Carol"])
            .Add(c => c.Series, [new ChartSeries("Open", "#0072B2", [4, 2, 0]), new ChartSeries("Overdue", "#E69F00", [1, 0, 3])]));

        var bars = chart.FindAll("svg rect[data-value]");
        Assert.Equal(6, bars.Count);
        Assert.Equal(
            ["Alice/Open/4", "Alice/Overdue/1", "Bob/Open/2", "Bob/Overdue/0", "Carol/Open/0", "Carol/Overdue/3"],
            bars.Select(b => $"{b.GetAttribute("data-category")}/{b.GetAttribute("data-series")}/{b.GetAttribute("data-value")}"));
        // Grouped bars share one scale: 4 is the largest, so 2 is half of it and 3 three quarters.
        Assert.Equal(0.5, Svg.Number(bars[2], "width") / Svg.Number(bars[0], "width"), precision: 3);
        Assert.Equal(0.75, Svg.Number(bars[5], "width") / Svg.Number(bars[0], "width"), precision: 3);
        Assert.Equal(["Open", "Overdue"], chart.FindAll(".chart-legend li").Select(Svg.Text));
    }

    [Fact]
    public void A_single_series_needs_no_legend()
    {
        var chart = Render<BarChart>(p => p.Add(c => c.Title, "Open claims").Add(c => c.Categories, ["Alice", "Bob"]).Add(c => c.Series, [Open]));

        Assert.Empty(chart.FindAll(".chart-legend"));
    }

    [Fact]
    public void Stacked_segments_sit_end_to_end_and_the_widest_total_fills_the_scale()
    {
        var chart = Render<BarChart>(p => p
            .Add(c => c.Title, "Claims by side")
            .Add(c => c.Stacked, true)
            .Add(c => c.Categories, ["Government", "Opposition"])
            .Add(c => c.Series, [new ChartSeries("Checked", "#0072B2", [3, 2]), new ChartSeries("Open", "#E69F00", [1, 0])]));

        var bars = chart.FindAll("svg rect[data-value]");
        Assert.Equal(4, bars.Count);
        var (govChecked, govOpen, oppChecked, oppOpen) = (bars[0], bars[1], bars[2], bars[3]);
        Assert.Equal(Svg.Number(govChecked, "x") + Svg.Number(govChecked, "width"), Svg.Number(govOpen, "x"), precision: 2);
        Assert.Equal(Svg.Number(govChecked, "y"), Svg.Number(govOpen, "y"));
        Assert.Equal(3, Svg.Number(govChecked, "width") / Svg.Number(govOpen, "width"), precision: 3);
        // Totals 4 and 2: the second stacked bar is half as long as the first.
        var govTotal = Svg.Number(govChecked, "width") + Svg.Number(govOpen, "width");
        var oppTotal = Svg.Number(oppChecked, "width") + Svg.Number(oppOpen, "width");
        Assert.Equal(0.5, oppTotal / govTotal, precision: 3);
        Assert.Equal(0, Svg.Number(oppOpen, "width"));

        Assert.Equal(["4", "2"], chart.FindAll("svg g.chart-total").Select(Svg.Text));
        // The empty segment has no label in the chart, but its 0 is in the table beside the total.
        var opposition = chart.FindAll("svg g.chart-category")[1];
        Assert.DoesNotContain(opposition.QuerySelectorAll("g.chart-segment text"), t => t.TextContent == "0");
        Assert.Contains(chart.FindAll("svg g.chart-category")[0].QuerySelectorAll("g.chart-segment text"), t => t.TextContent == "3");
        var rows = chart.FindAll("table tbody tr");
        Assert.Equal(["Opposition", "2", "0", "2"], rows[1].Children.Select(Svg.Text));
        Assert.Equal(["", "Checked", "Open", "Total"], chart.FindAll("table thead tr > *").Select(Svg.Text));
    }

    [Theory]
    [InlineData("#0072B2", "#ffffff")]
    [InlineData("#000", "#ffffff")]
    [InlineData("#F0E442", "#111827")]
    [InlineData("#E69F00", "#111827")]
    [InlineData("var(--mud-palette-primary)", null)]
    [InlineData("#12345", null)]
    public void Values_inside_a_segment_are_written_in_the_colour_that_reads_best_on_it(string fill, string? text)
    {
        Assert.Equal(text, ChartFormat.TextOn(fill));

        var chart = Render<BarChart>(p => p.Add(c => c.Title, "Claims").Add(c => c.Stacked, true).Add(c => c.Categories, ["A"])
            .Add(c => c.Series, [new ChartSeries("Checked", fill, [10]), new ChartSeries("Open", "#ffffff", [0])]));
        var label = chart.Find("svg g.chart-segment text");
        Assert.Equal("10", label.TextContent);
        // On a colour it cannot judge, the value is dark text on a white halo, which reads on any fill.
        Assert.Equal(text ?? "#111827", label.GetAttribute("fill"));
        Assert.Equal(text is null ? "#ffffff" : null, label.GetAttribute("stroke"));
    }

    [Fact]
    public void Category_labels_link_to_their_lists_where_a_link_is_given()
    {
        var chart = Render<BarChart>(p => p
            .Add(c => c.Title, "Open claims")
            .Add(c => c.Categories, ["Alice", "Bob"])
            .Add(c => c.Series, [Open])
            .Add(c => c.Links, ["/claims?assignee=1", null]));

        var links = chart.FindAll("svg a");
        var link = Assert.Single(links);
        Assert.Equal("/claims?assignee=1", link.GetAttribute("href"));
        Assert.Equal("Alice", link.QuerySelector("text")!.LastChild!.TextContent);
        var tableLink = Assert.Single(chart.FindAll("table a"));
        Assert.Equal("/claims?assignee=1", tableLink.GetAttribute("href"));
        // Hidden from sight, so kept out of the tab order; the visible link in the chart is the one to tab to.
        Assert.Equal("-1", tableLink.GetAttribute("tabindex"));
    }

    [Fact]
    public void The_hidden_table_lists_every_value_with_its_unit()
    {
        var chart = Render<BarChart>(p => p
            .Add(c => c.Title, "Median time in stage")
            .Add(c => c.Unit, "h")
            .Add(c => c.Categories, ["Research", "Review"])
            .Add(c => c.Series, [new ChartSeries("Median", "#0072B2", [12345, 2.54]), new ChartSeries("90th percentile", "#E69F00", [20000, 7])]));

        var table = chart.Find(".sr-only table");
        Assert.Equal("Median time in stage", Svg.Text(table.QuerySelector("caption")!));
        Assert.Equal(["Research", "12,345 h", "20,000 h"], table.QuerySelectorAll("tbody tr")[0].Children.Select(Svg.Text));
        Assert.Equal(["Review", "2.5 h", "7 h"], table.QuerySelectorAll("tbody tr")[1].Children.Select(Svg.Text));
        Assert.Equal("2.54", chart.FindAll("svg rect[data-value]")[2].GetAttribute("data-value"));
    }

    [Fact]
    public void The_summary_for_screen_readers_carries_the_numbers()
    {
        var chart = Render<BarChart>(p => p.Add(c => c.Title, "Open claims").Add(c => c.Categories, ["Alice", "Bob"]).Add(c => c.Series, [Open]));

        Assert.Equal("Open claims: total 15, highest 10 (Alice).", chart.Find("svg[role=img]").GetAttribute("aria-label"));
        Assert.Equal("Open claims", chart.Find("svg[role=img] > title").TextContent);
        Assert.Contains("2 categories", chart.Find("svg[role=img] > desc").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Measured_values_are_not_added_up_in_the_summary()
    {
        var chart = Render<BarChart>(p => p
            .Add(c => c.Title, "Time in stage")
            .Add(c => c.Unit, "h")
            .Add(c => c.Stacked, true)
            .Add(c => c.Categories, ["Research", "Review"])
            .Add(c => c.Series, [new ChartSeries("Median", "#0072B2", [30, 6]), new ChartSeries("Waiting", "#E69F00", [2, 40])]));

        Assert.Equal("Time in stage: Median highest 30 h (Research); Waiting highest 40 h (Review); largest total 46 h (Review).", chart.Find("svg[role=img]").GetAttribute("aria-label"));
    }

    [Fact]
    public void Hostile_names_are_written_as_text()
    {
        const string name = "<script>alert('x')</script> & Co";
        var chart = Render<BarChart>(p => p.Add(c => c.Title, "<b>Open</b>").Add(c => c.Categories, [name]).Add(c => c.Series, [new ChartSeries("<i>s</i>", "#0072B2", [1])]));

        Assert.Empty(chart.FindAll("script, b, i"));
        Assert.Contains("&lt;script&gt;", chart.Markup, StringComparison.Ordinal);
        Assert.Equal(name, chart.Find("table tbody th").TextContent);
        Assert.Equal(name, chart.Find("svg rect").GetAttribute("data-category"));
        Assert.Equal("<b>Open</b>", chart.Find("figcaption").TextContent);
    }

    [Fact]
    public void Long_names_are_shortened_in_the_chart_and_kept_whole_in_its_tooltip()
    {
        const string name = "Ministry of Health and Social Affairs of the Republic";
        var chart = Render<BarChart>(p => p.Add(c => c.Title, "Claims").Add(c => c.Categories, [name]).Add(c => c.Series, [Open with { Values = [1] }]));

        var label = chart.Find("svg g.chart-category text");
        Assert.Equal(name, label.QuerySelector("title")!.TextContent);
        Assert.EndsWith("…", label.LastChild!.TextContent, StringComparison.Ordinal);
        Assert.True(label.LastChild!.TextContent.Length <= 26);
    }

    [Fact]
    public void More_categories_make_a_taller_chart()
    {
        double Height(int rows) => Svg.Number(
            Render<BarChart>(p => p.Add(c => c.Title, "Claims").Add(c => c.Categories, Enumerable.Range(0, rows).Select(i => $"P{i}").ToList())
                .Add(c => c.Series, [new ChartSeries("Open", "#0072B2", Enumerable.Repeat(1.0, rows).ToList())])).Find("svg[role=img]"), "height");

        Assert.Equal(Height(4) - Height(2), 2 * (Height(2) - Height(1)), precision: 3);
        Assert.True(Height(2) > Height(1));
    }

    [Fact]
    public void No_categories_show_the_empty_state_under_the_title()
    {
        var chart = Render<BarChart>(p => p.Add(c => c.Title, "Open claims").Add(c => c.Categories, []).Add(c => c.Series, []).Add(c => c.TestId, "workload"));

        var figure = chart.Find("figure[data-testid=workload]");
        Assert.Equal("Open claims", figure.QuerySelector("figcaption")!.TextContent);
        Assert.Equal("No data for this period.", figure.QuerySelector("p.chart-empty")!.TextContent);
        Assert.Empty(chart.FindAll("svg"));
    }

    [Fact]
    public void Series_with_a_value_missing_for_a_category_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            Render<BarChart>(p => p.Add(c => c.Title, "Claims").Add(c => c.Categories, ["A", "B", "C"]).Add(c => c.Series, [Open])));

        Assert.Contains("'Open' has 2 values for 3 categories", error.Message, StringComparison.Ordinal);
    }
}
