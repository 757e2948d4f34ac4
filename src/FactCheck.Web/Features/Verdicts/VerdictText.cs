namespace FactCheck.Web.Features.Verdicts;

/// Names the verdict page's UI strings (VerdictText.resx, VerdictText.id.resx).
public sealed class VerdictText;
