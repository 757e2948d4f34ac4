using FactCheck.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace FactCheck.Tests.Infrastructure;

/// Open pages redraw in turns after a change, so a burst of 200 dashboard refreshes leaves a processor for requests.
public sealed class LiveRefreshGateTests
{
    private static LiveRefreshGate Gate(int configured) =>
        new(Options.Create(new FactCheckOptions { Live = new FactCheckOptions.LiveOptions { ConcurrentRefreshes = configured } }));

    [Fact]
    public async Task A_page_waits_for_its_turn_until_the_one_redrawing_is_done_and_a_turn_is_given_back_once()
    {
        using var gate = Gate(1);
        var first = await gate.EnterAsync();
        var second = gate.EnterAsync();
        Assert.False(second.IsCompleted);

        first.Dispose();
        var secondTurn = await second.WaitAsync(TimeSpan.FromSeconds(10));
        first.Dispose(); // twice: must not hand out a second turn
        var third = gate.EnterAsync();
        Assert.False(third.IsCompleted);

        secondTurn.Dispose();
        (await third.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
    }

    [Fact]
    public async Task The_configured_number_of_pages_redraw_together()
    {
        using var gate = Gate(3);
        var turns = new List<IDisposable>();
        for (var i = 0; i < 3; i++)
        {
            var turn = gate.EnterAsync();
            Assert.True(turn.IsCompletedSuccessfully);
            turns.Add(await turn);
        }

        var fourth = gate.EnterAsync();
        Assert.False(fourth.IsCompleted);
        turns[1].Dispose();
        (await fourth.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
    }

    [Fact]
    public void Unset_it_leaves_one_processor_free_and_never_falls_below_one()
    {
        using var gate = Gate(0);
        Assert.Equal(Math.Max(1, Environment.ProcessorCount - 1), gate.Size);
    }
}
