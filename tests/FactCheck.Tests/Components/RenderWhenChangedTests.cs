using Bunit;
using Microsoft.AspNetCore.Components;
using FactCheck.Web.Components;

namespace FactCheck.Tests.Components;

/// The guard that lets 200 open dashboards skip redrawing cards whose numbers did not change.
public sealed class RenderWhenChangedTests : BunitContext
{
    [Fact]
    public void Content_is_drawn_again_only_when_the_key_changes()
    {
        var draws = 0;
        var numbers = new List<int> { 1, 2 };
        RenderFragment content = builder =>
        {
            draws++;
            builder.AddContent(0, $"sum {numbers.Sum()}");
        };

        var guard = Render<RenderWhenChanged>(p => p.Add(c => c.Key, (numbers, 7L)).Add(c => c.ChildContent, content));
        guard.Render(p => p.Add(c => c.Key, (numbers, 7L)).Add(c => c.ChildContent, content));
        Assert.Equal(1, draws);

        numbers = [1, 2, 3];
        guard.Render(p => p.Add(c => c.Key, (numbers, 7L)).Add(c => c.ChildContent, content));
        Assert.Equal(2, draws);
        Assert.Equal("sum 6", guard.Markup);

        guard.Render(p => p.Add(c => c.Key, (numbers, 8L)).Add(c => c.ChildContent, content));
        Assert.Equal(3, draws);
    }
}
