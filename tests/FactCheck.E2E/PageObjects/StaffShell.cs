using Microsoft.Playwright;

namespace FactCheck.E2E.PageObjects;

/// The frame around every staff page: app bar (signed-in user, sign out) and the navigation drawer.
public sealed class StaffShell(IPage page)
{
    public ILocator Navigation => page.GetByTestId("staff-nav");

    public ILocator SignedInAs => page.GetByTestId("signed-in-as");

    public ILocator SignOutButton => page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true });

    /// The collapsible "Admin" group (rendered for admins only).
    public ILocator AdminGroup => Navigation.Locator(".mud-nav-group").Filter(new() { HasText = "Admin" });

    public ILocator NavLink(string name) => Navigation.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    public async Task SignOutAsync() => await SignOutButton.ClickAsync();
}
