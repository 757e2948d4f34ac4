using System.Net;
using System.Text;
using Bunit;
using FactCheck.Tests.Components;
using FactCheck.Web.Features.Dashboard;
using FactCheck.Web.Infrastructure.Pipeline;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using DashboardPage = FactCheck.Web.Features.Dashboard.Dashboard;

namespace FactCheck.Tests.Dashboard;

/// The desk dashboard in the editor's language: card headings, chart titles and series, tiles, the balance sentence
/// and the CSV header rows, in Indonesian for an Indonesian editor and in English for an English one.
public sealed class DashboardLanguageTests : PageTest, IClassFixture<SharedApp>
{
    public DashboardLanguageTests(SharedApp shared)
        : base(shared, "editor", Roles.Editor)
    {
        Services.AddSingleton(App.Services.GetRequiredService<DashboardSnapshots>());
    }

    private IRenderedComponent<DashboardPage> Open(string url)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        var page = Render<DashboardPage>(p => p.Add(c => c.RefreshMilliseconds, 20));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=desk-tiles]")));
        return page;
    }

    private static string Heading(IRenderedComponent<DashboardPage> page, string section) => page.Find($"[data-testid={section}] h2").TextContent.Trim();

    private static List<string> Series(IRenderedComponent<DashboardPage> page, string chart) =>
        page.FindAll($"[data-testid={chart}] rect[data-series]").Select(r => r.GetAttribute("data-series")!).Distinct().ToList();

    [Fact]
    public void An_Indonesian_editor_reads_the_dashboard_and_its_charts_in_Indonesian()
    {
        using var culture = new UiCulture("id");
        var page = Open("/dashboard?topic=nagorno-karabakh");

        Assert.Equal("Dasbor meja redaksi", page.Find("h1").TextContent.Trim());
        Assert.Equal("Klaim menurut status", Heading(page, "section-states"));
        Assert.Equal("Beban kerja per pemeriksa fakta", Heading(page, "section-workload"));
        Assert.Equal("Keseimbangan menurut pihak", Heading(page, "section-balance"));
        Assert.StartsWith("Hasil kerja dalam 30 hari terakhir", Heading(page, "section-throughput"), StringComparison.Ordinal);
        Assert.Equal(["Dicatat", "Diperiksa"], Series(page, "chart-sides"));
        Assert.Equal("Klaim terbuka", page.Find("[data-testid=tile-open] .desk-tile-label").TextContent.Trim());
        Assert.Equal(
            "Dari dua pihak dengan klaim terbanyak, 1 dari 3 klaim Azerbaijan sudah diperiksa (33%) dan 1 dari 2 klaim Armenia (50%).",
            page.Find("[data-testid=balance-note]").TextContent.Trim());
        Assert.Equal("Unduh angka Klaim menurut status sebagai CSV", page.Find("[data-testid=export-states]").GetAttribute("aria-label"));
        Assert.DoesNotContain("Claims by state", page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Workload", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void An_English_editor_reads_the_same_dashboard_in_English()
    {
        using var culture = new UiCulture("en");
        var page = Open("/dashboard?topic=nagorno-karabakh");

        Assert.Equal("Desk dashboard", page.Find("h1").TextContent.Trim());
        Assert.Equal("Claims by state", Heading(page, "section-states"));
        Assert.Equal("Workload per fact-checker", Heading(page, "section-workload"));
        Assert.Equal(["Recorded", "Checked"], Series(page, "chart-sides"));
        Assert.Equal("Open claims", page.Find("[data-testid=tile-open] .desk-tile-label").TextContent.Trim());
        Assert.DoesNotContain("Klaim menurut status", page.Markup, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id-ID,id;q=0.9", "states", "status,jumlah")]
    [InlineData("id-ID,id;q=0.9", "workload", "orang,terbuka,lewat_tenggat,tenggat_minggu_ini,ditinjau")]
    [InlineData("id-ID,id;q=0.9", "overdue", "id_klaim,judul,status,prioritas,penanggung_jawab,tenggat")]
    [InlineData("en-GB,en;q=0.9", "states", "status,count")]
    [InlineData("en-GB,en;q=0.9", "workload", "person,open,overdue,due_this_week,in_review")]
    public async Task The_csv_header_row_is_in_the_editors_language(string acceptLanguage, string section, string header)
    {
        using var app = new TestApp().Start();
        var browser = app.Browser();
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        Assert.Equal(HttpStatusCode.Redirect, (await app.SignInAsync(browser, "editor", TestApp.DemoPassword)).StatusCode);

        var bytes = await browser.GetByteArrayAsync($"/dashboard/export/{section}.csv");

        var firstLine = new StreamReader(new MemoryStream(bytes), Encoding.UTF8).ReadLine();
        Assert.Equal(header, firstLine);
    }
}
