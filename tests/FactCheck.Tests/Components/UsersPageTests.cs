using AngleSharp.Dom;
using Bunit;
using FactCheck.Web.Features.Accounts;
using FactCheck.Web.Infrastructure.Pipeline;

namespace FactCheck.Tests.Components;

/// The admin page rendered by bUnit, sending its messages through the real pipeline to the shared test database.
[Collection(SharedAppCollection.Name)]
public sealed class UsersPageTests(SharedApp shared) : PageTest(shared, "admin", Roles.Admin)
{
    [Fact]
    public void Lists_the_staff_accounts_with_their_roles()
    {
        var page = Render<Users>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=user-table]")));
        var rows = page.FindAll("[data-testid=user-table] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("checker2") && r.Contains("fact-checker"));
        Assert.Contains(rows, r => r.Contains("editor2") && r.Contains("editor"));
    }

    [Fact]
    public void Adding_a_user_shows_the_generated_password_once_and_the_new_row()
    {
        var page = Render<Users>();
        var username = "bunit-" + Guid.NewGuid().ToString("N")[..6];

        page.Find("#new-username").Change(username);
        page.Find("#new-display-name").Change("Bunit Person");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains(username, page.Find("[data-testid=revealed-password]").TextContent));
        Assert.Matches("[A-Za-z0-9]{5}-[A-Za-z0-9]{5}-[A-Za-z0-9]{5}-[A-Za-z0-9]{5}", page.Find("[data-testid=revealed-password] code").TextContent);
        page.WaitForAssertion(() => Assert.Contains(page.FindAll("[data-testid=user-table] tbody tr"), r => r.TextContent.Contains(username)));
    }

    [Fact]
    public void A_taken_username_is_shown_next_to_the_field_and_nothing_is_added()
    {
        var page = Render<Users>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=user-table]")));
        var before = page.FindAll("[data-testid=user-table] tbody tr").Count;

        page.Find("#new-username").Change("editor");
        page.Find("#new-display-name").Change("Someone Else");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains("The username 'editor' is taken.", page.Markup));
        Assert.Equal(before, page.FindAll("[data-testid=user-table] tbody tr").Count);
        Assert.Empty(page.FindAll("[data-testid=revealed-password]"));
    }
}
