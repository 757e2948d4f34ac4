using System.Globalization;
using FactCheck.Web.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace FactCheck.Tests.Infrastructure;

/// Live updates reach a page on the thread that committed the change: the page must still render in its own language.
public sealed class LivePageSubscribersTests
{
    [Fact]
    public async Task Each_page_hears_a_change_in_the_language_it_was_opened_in_and_the_announcer_keeps_its_own()
    {
        var notifier = new ClaimChangeNotifier(NullLogger<ClaimChangeNotifier>.Instance);
        var indonesianPage = new TaskCompletionSource<(string Culture, string UiCulture)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var englishPage = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            Subscribe("id-ID", _ =>
            {
                indonesianPage.TrySetResult((CultureInfo.CurrentCulture.Name, CultureInfo.CurrentUICulture.Name));
                return Task.CompletedTask;
            });
            Subscribe("en-GB", async _ =>
            {
                await Task.Yield();
                englishPage.TrySetResult(CultureInfo.CurrentUICulture.Name);
            });

            // A background job announces the change in the invariant culture.
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
            notifier.Publish([7]);

            Assert.Equal(("id-ID", "id-ID"), await indonesianPage.Task.WaitAsync(TimeSpan.FromSeconds(10)));
            Assert.Equal("en-GB", await englishPage.Task.WaitAsync(TimeSpan.FromSeconds(10)));
            Assert.Equal(CultureInfo.InvariantCulture, CultureInfo.CurrentUICulture);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }

        void Subscribe(string culture, Func<IReadOnlyCollection<long>, Task> handler)
        {
            var outside = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            notifier.Changed += handler;
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = outside;
        }
    }

    [Fact]
    public async Task A_page_that_left_hears_nothing_and_a_failing_page_does_not_stop_the_others()
    {
        var notifier = new InboxNotifier(NullLogger<InboxNotifier>.Instance);
        var heard = 0;
        var second = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Func<IReadOnlyCollection<long>, Task> left = _ =>
        {
            Interlocked.Increment(ref heard);
            return Task.CompletedTask;
        };
        notifier.Notified += left;
        notifier.Notified += _ => throw new InvalidOperationException("this page's circuit is gone");
        notifier.Notified += _ =>
        {
            second.TrySetResult();
            return Task.CompletedTask;
        };
        notifier.Notified -= left;

        notifier.Publish([1]);

        await second.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, heard);
    }
}
