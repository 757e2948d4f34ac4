using System.Globalization;
using Microsoft.Playwright;

namespace FactCheck.E2E.PageObjects;

/// The review side of a claim page at /claims/{id}: the review panel with its workflow actions and inline forms,
/// the verdict panel, the evidence list and the history.
public sealed class ClaimReviewPanel(IPage page)
{
    public static string PathFor(long claimId) => $"/claims/{claimId.ToString(CultureInfo.InvariantCulture)}";

    public ILocator Panel => page.GetByTestId("review-panel");

    /// The claim's status chip in the panel header; its data-status attribute is the raw status (in_review, …).
    public ILocator Status(string status) => Panel.Locator($"[data-status='{status}']");

    public ILocator Priority => Panel.GetByTestId("priority");

    public ILocator Assignee => Panel.GetByTestId("assignee");

    public ILocator Due => Panel.GetByTestId("due");

    /// The button for a workflow action; the panel renders one only when the signed-in user may take it now.
    public ILocator Action(string action) => Panel.GetByTestId($"action-{action}");

    public ILocator Actions => Panel.GetByTestId("actions").Locator("[data-testid^='action-']");

    public ILocator Form(string action) => Panel.GetByTestId($"form-{action}");

    public ILocator SendButton => Panel.GetByTestId("send-action");

    public ILocator ActionError => Panel.GetByTestId("action-error");

    public ILocator ReturnedComment => Panel.GetByTestId("returned-comment");

    public ILocator Verdict => page.GetByTestId("verdict");

    public ILocator DraftVerdict => Verdict.GetByTestId("verdict-draft");

    public ILocator PublishedVerdict => Verdict.GetByTestId("verdict-published");

    public ILocator CorrectionInProgress => Verdict.GetByTestId("correction-in-progress");

    public ILocator CorrectionNotice => Verdict.GetByTestId("correction-notice");

    public ILocator EvidenceItems => page.GetByTestId("evidence").GetByTestId("evidence-item");

    public ILocator HistoryEntry(string action) => page.GetByTestId("history").Locator($"[data-testid=history-entry][data-action='{action}']");

    public async Task GotoAsync(long claimId)
    {
        await page.GotoAsync(PathFor(claimId));
        await WaitUntilInteractiveAsync();
    }

    /// Clicks on the prerendered buttons do nothing: wait until the circuit runs the panel.
    public async Task WaitUntilInteractiveAsync() => await page.Locator("[data-testid=review-panel][data-interactive]").WaitForAsync();

    /// Opens an action's inline form (start has none: one click sends it).
    public async Task OpenAsync(string action)
    {
        await Action(action).ClickAsync();
        if (action != "start")
        {
            await Form(action).WaitForAsync();
        }
    }

    public async Task SendAsync() => await SendButton.ClickAsync();

    public async Task TriageAsync(string priorityLabel, string? comment = null)
    {
        await OpenAsync("triage");
        await Form("triage").GetByRole(AriaRole.Radio, new() { Name = priorityLabel, Exact = true }).CheckAsync();
        if (comment is not null)
        {
            await page.Locator("#triage-comment").FillAsync(comment);
        }

        await SendAsync();
    }

    /// Assigns through the inline form: picks the person by display name and types the due day into the date field.
    public async Task AssignAsync(string assigneeName, DateOnly due, string? comment = null)
    {
        await OpenAsync("assign");
        await ChooseAsync(Form("assign").GetByTestId("assignee-select"), assigneeName);
        await FillDateAsync(page.Locator("#assign-due"), due);
        if (comment is not null)
        {
            await page.Locator("#assign-comment").FillAsync(comment);
        }

        await SendAsync();
    }

    /// Adds a source with the evidence form under the verdict.
    public async Task AddEvidenceAsync(string url, string title, string stanceLabel, string? note = null)
    {
        var form = page.GetByTestId("add-evidence");
        await page.Locator("#evidence-url").FillAsync(url);
        await page.Locator("#evidence-title").FillAsync(title);
        if (note is not null)
        {
            await page.Locator("#evidence-note").FillAsync(note);
        }

        await form.GetByRole(AriaRole.Radio, new() { Name = stanceLabel, Exact = true }).CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Add source" }).ClickAsync();
    }

    /// Fills the open verdict form: rating by its English label, summary, Markdown explanation and, during a correction, what changed.
    public async Task FillVerdictAsync(string ratingLabel, string summary, string explanation, string? changeNote = null)
    {
        await ChooseAsync(Form("submit").GetByTestId("rating-select"), ratingLabel);
        // The demo desk's claims are Indonesian: that version is the one required.
        if (await page.Locator("#verdict-id-title").InputValueAsync() == "")
        {
            await page.Locator("#verdict-id-title").FillAsync("Klaim yang diperiksa");
        }

        await page.Locator("#verdict-id-summary").FillAsync(summary);
        await page.Locator("#verdict-id-explanation").FillAsync(explanation);
        if (changeNote is not null)
        {
            await page.Locator("#verdict-change-note").FillAsync(changeNote);
        }
    }

    public ILocator ExplanationPreview => Form("submit").GetByTestId("verdict-id-preview");

    /// Types a comment or reason into an open note form (request changes, reject, correct, reopen).
    public async Task FillNoteAsync(string action, string text) => await Form(action).Locator("textarea, input[type=text]").First.FillAsync(text);

    /// Opens a MudSelect and clicks the option whose text starts with the given words.
    private async Task ChooseAsync(ILocator select, string optionText)
    {
        await select.ClickAsync();
        var option = page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = optionText }).First;
        await option.ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    /// The date pickers are editable: type the day and leave the field, as a keyboard user would.
    private static async Task FillDateAsync(ILocator input, DateOnly day)
    {
        await input.FillAsync(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await input.BlurAsync();
    }
}
