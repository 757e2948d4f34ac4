namespace FactCheck.Web.Features.Reminders;

/// Names the strings of deadline badges, deadline forms and reminders (RemindersText.resx, RemindersText.id.resx).
public sealed class RemindersText;
