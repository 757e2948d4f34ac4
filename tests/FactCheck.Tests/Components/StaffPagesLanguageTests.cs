using Bunit;
using FactCheck.Web.Features.Accounts;
using FactCheck.Web.Features.Topics;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Tests.Components;

/// User management and topics in the admin's or editor's language.
[Collection(SharedAppCollection.Name)]
public sealed class StaffPagesLanguageTests(SharedApp shared) : PageTest(shared, "admin", Roles.Admin)
{
    [Theory]
    [InlineData("id", "Akun staf", "Tambah pengguna", "pemeriksa fakta", "Atur ulang kata sandi")]
    [InlineData("en", "Staff accounts", "Add user", "fact-checker", "Reset password")]
    public void User_management_speaks_the_admins_language(string language, string heading, string add, string role, string reset)
    {
        using var culture = new UiCulture(language);
        var page = Render<Users>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=user-table]")));
        Assert.Equal(heading, page.Find("h1").TextContent.Trim());
        Assert.Contains(page.FindAll("button"), b => b.TextContent.Trim() == add);
        Assert.Contains(page.FindAll("[data-testid=user-table] tbody tr"), r => r.TextContent.Contains("checker2", StringComparison.Ordinal) && r.TextContent.Contains(role, StringComparison.Ordinal));
        Assert.Contains(page.FindAll("[data-testid=user-table] button"), b => b.TextContent.Trim() == reset);
    }

    [Theory]
    [InlineData("id", "Topik", "Label (Indonesia)", "Halaman publik")]
    [InlineData("en", "Topics", "Label (Indonesian)", "Public page")]
    public void The_topics_page_speaks_the_readers_language(string language, string heading, string labelColumn, string publicColumn)
    {
        using var culture = new UiCulture(language);
        var page = Render<TopicsPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=topic]")));
        Assert.Equal(heading, page.Find("h1").TextContent.Trim());
        var columns = page.FindAll("[data-testid=topics] thead th").Select(th => th.TextContent.Trim()).ToList();
        Assert.Contains(labelColumn, columns);
        Assert.Contains(publicColumn, columns);
    }
}
