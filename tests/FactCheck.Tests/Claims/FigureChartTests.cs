using Bunit;
using FactCheck.Web.Features.Claims;

namespace FactCheck.Tests.Claims;

/// The figure chart on its own: plain SVG from FigurePoint rows, no database.
public sealed class FigureChartTests : BunitContext
{
    [Fact]
    public void A_single_figure_is_one_dot_labelled_as_this_claim_with_its_value_in_the_text()
    {
        var chart = Render<FigureChart>(p => p.Add(c => c.Points, [new FigurePoint(7, "Vladimir Putin", 5000, null, "deaths", new DateOnly(2020, 10, 24), IsThisClaim: true)]));

        var mark = Assert.Single(chart.FindAll("svg g.figure-point"));
        Assert.Single(mark.QuerySelectorAll("circle.figure-value"));
        Assert.Empty(mark.QuerySelectorAll("rect.figure-range"));
        Assert.Equal("true", mark.GetAttribute("data-this-claim"));
        Assert.Contains("this claim", mark.TextContent);
        var row = Assert.Single(chart.FindAll("[data-testid=figure-table] tbody tr"));
        Assert.Equal(["Vladimir Putin (this claim)", "5,000 deaths", "2020-10-24"], row.Children.Select(c => c.TextContent));
        Assert.Contains("Vladimir Putin: 5,000 deaths, as of 2020-10-24 (this claim).", chart.Find("svg desc").TextContent);
        Assert.Equal("Deaths claimed by 1 claimant(s), compared by date", chart.Find("svg").GetAttribute("aria-label"));
    }

    [Fact]
    public void A_range_is_a_bar_from_low_to_high_and_a_value_is_a_dot()
    {
        var chart = Render<FigureChart>(p => p.Add(c => c.Points,
        [
            new FigurePoint(1, "Ministry", 3000, 4000, "deaths", new DateOnly(2020, 10, 1), false),
            new FigurePoint(2, "Agency", 5000, null, "deaths", new DateOnly(2020, 10, 20), true),
        ]));

        var marks = chart.FindAll("svg g.figure-point");
        Assert.Equal(2, marks.Count);
        var bar = Assert.Single(marks[0].QuerySelectorAll("rect.figure-range"));
        Assert.Single(marks[1].QuerySelectorAll("circle.figure-value"));

        // The bar spans 3,000 to 4,000 on the same scale the dot uses for 5,000 (y grows downwards).
        var top = double.Parse(bar.GetAttribute("y")!, System.Globalization.CultureInfo.InvariantCulture);
        var bottom = top + double.Parse(bar.GetAttribute("height")!, System.Globalization.CultureInfo.InvariantCulture);
        var dot = double.Parse(marks[1].QuerySelector("circle.figure-value")!.GetAttribute("cy")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(dot < top && top < bottom, $"dot {dot}, bar {top}..{bottom}");
        Assert.Equal((bottom - top) / 1000, (bottom - dot) / 2000, precision: 3);
        Assert.Contains("3,000–4,000 deaths", chart.Find("[data-testid=figure-table]").TextContent);
    }

    [Fact]
    public void Figures_are_ordered_by_date_with_undated_ones_last()
    {
        var chart = Render<FigureChart>(p => p.Add(c => c.Points,
        [
            new FigurePoint(3, "Undated source", 10, null, "people", null, false),
            new FigurePoint(4, "Later source", 30, null, "people", new DateOnly(2021, 1, 1), false),
            new FigurePoint(5, "Earlier source", 20, null, "people", new DateOnly(2020, 1, 1), true),
        ]));

        Assert.Equal(["5", "4", "3"], chart.FindAll("svg g.figure-point").Select(g => g.GetAttribute("data-claim-id")));
        var xs = chart.FindAll("svg circle.figure-value").Select(c => double.Parse(c.GetAttribute("cx")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(xs.Order(), xs);
        Assert.Equal(["Earlier source (this claim)", "Later source", "Undated source"], chart.FindAll("[data-testid=figure-table] tbody th").Select(t => t.TextContent));
        Assert.Contains("undated", chart.FindAll("[data-testid=figure-table] tbody tr")[2].TextContent);
        Assert.Contains("undated last", chart.Find("svg").TextContent);
    }

    [Fact]
    public void No_figures_render_nothing()
    {
        var chart = Render<FigureChart>(p => p.Add(c => c.Points, []));

        Assert.Empty(chart.FindAll("svg"));
    }
}
