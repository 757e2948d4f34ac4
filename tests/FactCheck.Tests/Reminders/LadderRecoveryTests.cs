namespace FactCheck.Tests.Reminders;

/// Concurrent sweeps and restarts: what was sent is in our tables under a unique key, so neither repeats nor
/// loses a reminder.
public sealed class LadderRecoveryTests
{
    [Fact]
    public async Task Two_sweeps_running_at_once_send_each_reminder_once()
    {
        using var app = new TestApp().Start();
        var r = await ReminderDriver.CreateAsync(app);
        var start = r.Now;
        var claims = new List<long>();
        for (var i = 0; i < 8; i++)
        {
            claims.Add(await r.ResearchingAsync(TimeSpan.FromHours(1 + i)));
        }

        r.At(start.AddDays(2));
        // Two job runs at once, each in its own scope, small batches so that their transactions interleave.
        await Task.WhenAll(Task.Run(() => r.SweepAllAsync(batch: 3)), Task.Run(() => r.SweepAllAsync(batch: 3)));
        await Task.WhenAll(Task.Run(r.SweepAsync), Task.Run(r.SweepAsync));

        foreach (var id in claims)
        {
            Assert.Equal(["overdue"], await r.ToldAsync(r.Review.Checker, id));
            Assert.Equal(["escalation"], await r.ToldAsync(r.Review.Editor, id));
            Assert.Equal([("due-soon", "skipped"), ("overdue", "sent"), ("escalation", "sent")], (await r.RemindersAsync(id)).Select(x => (x.Step, x.Outcome)));
            Assert.Equal(2, await r.SentAuditsAsync(id));
        }
    }

    [Fact]
    public async Task A_restart_between_sweeps_neither_loses_nor_repeats_a_reminder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "factcheck-tests", Guid.NewGuid().ToString("N"));
        try
        {
            DateTimeOffset start;
            long early, late;
            using (var first = new TestApp(folder: folder).Start())
            {
                var r = await ReminderDriver.CreateAsync(first);
                start = r.Now;
                early = await r.ResearchingAsync(TimeSpan.FromHours(10));
                late = await r.ResearchingAsync(TimeSpan.FromHours(12));
                r.At(start.AddHours(7.5));
                await r.SweepAsync();
                Assert.Equal(["due-soon"], await r.ToldAsync(r.Review.Checker, early));

                // The late claim's due-soon comes at 9 h; the app goes down at 9.5 h without having swept it.
                r.At(start.AddHours(9.5));
            }

            using (var second = new TestApp(folder: folder).Start())
            {
                var r = await ReminderDriver.CreateAsync(second);
                r.At(start.AddHours(9.5));
                await r.SweepAsync();
                await r.SweepAsync();
                Assert.Equal(["due-soon"], await r.ToldAsync(r.Review.Checker, early));
                Assert.Equal(["due-soon"], await r.ToldAsync(r.Review.Checker, late));

                r.At(start.AddHours(10));
                await r.SweepAsync();
            }

            using (var third = new TestApp(folder: folder).Start())
            {
                var r = await ReminderDriver.CreateAsync(third);
                r.At(start.AddHours(12));
                await r.SweepAsync();
                await r.SweepAsync();

                Assert.Equal(["due-soon", "overdue"], await r.ToldAsync(r.Review.Checker, early));
                Assert.Equal(["due-soon", "overdue"], await r.ToldAsync(r.Review.Checker, late));
                Assert.All((await r.RemindersAsync(early)).Concat(await r.RemindersAsync(late)), x => Assert.Equal("sent", x.Outcome));
                Assert.Equal(2, await r.SentAuditsAsync(early));
                Assert.Equal(2, await r.SentAuditsAsync(late));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
