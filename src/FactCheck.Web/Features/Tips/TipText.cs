namespace FactCheck.Web.Features.Tips;

/// Names the strings of the public tip form and its confirmation (TipText.resx, TipText.id.resx).
public sealed class TipText;
