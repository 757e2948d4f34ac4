using Bunit;
using FactCheck.Tests.Components;
using FactCheck.Tests.Review;
using FactCheck.Web.Features.Notifications;
using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace FactCheck.Tests.Notifications;

/// /notifications in checker's language: the page's own words, the settings and each notification, written from its
/// stored message when the page is read, so the same notification reads Indonesian or English as checker chooses.
public sealed class InboxLanguageTests : PageTest, IClassFixture<SharedApp>
{
    public InboxLanguageTests(SharedApp shared)
        : base(shared, "checker", Roles.FactChecker)
    {
        Services.AddSingleton(App.Services.GetRequiredService<InboxNotifier>());
    }

    private async Task<string> AssignedToCheckerAsync()
    {
        var review = await ReviewDriver.CreateAsync(App);
        var title = "Rumah sakit lapangan dibom " + Guid.NewGuid().ToString("N")[..6];
        var claim = await review.NewClaimAsync(title: title);
        await review.TriageAsync(claim);
        await review.AssignAsync(claim, review.Checker);
        return title;
    }

    private IRenderedComponent<NotificationsPage> Open()
    {
        var page = Render<NotificationsPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=notification]")));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=notification-setting]")));
        return page;
    }

    private static List<string> Titles(IRenderedComponent<NotificationsPage> page) =>
        page.FindAll("[data-testid=notification-title]").Select(t => t.TextContent.Trim()).ToList();

    [Fact]
    public async Task An_Indonesian_checker_reads_the_inbox_and_its_settings_in_Indonesian()
    {
        var title = await AssignedToCheckerAsync();
        using var culture = new UiCulture("id");
        var page = Open();

        Assert.Equal("Notifikasi", page.Find("h1").TextContent.Trim());
        Assert.Contains($"Ditugaskan kepada Anda: {title}", Titles(page));
        Assert.Contains("Apa saja yang diberitahukan kepada Anda", page.Find("[data-testid=notification-settings] h2").TextContent, StringComparison.Ordinal);
        Assert.Equal(
            "Klaim ditugaskan atau dialihkan kepada saya",
            page.Find("[data-testid=notification-setting][data-kind=assigned] p").TextContent.Trim());
        Assert.Equal("Tandai semua sudah dibaca", page.Find("[data-testid=mark-all-read]").TextContent.Trim());
        Assert.DoesNotContain(Titles(page), t => t.StartsWith("Assigned to you", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_English_checker_reads_the_same_notification_in_English()
    {
        var title = await AssignedToCheckerAsync();
        using var culture = new UiCulture("en");
        var page = Open();

        Assert.Equal("Notifications", page.Find("h1").TextContent.Trim());
        Assert.Contains($"Assigned to you: {title}", Titles(page));
        Assert.Equal(
            "A claim is assigned or reassigned to me",
            page.Find("[data-testid=notification-setting][data-kind=assigned] p").TextContent.Trim());
    }
}
