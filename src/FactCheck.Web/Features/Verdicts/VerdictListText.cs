namespace FactCheck.Web.Features.Verdicts;

/// Names the strings of the public verdict lists: their items and pager (VerdictListText.resx, VerdictListText.id.resx).
public sealed class VerdictListText;
