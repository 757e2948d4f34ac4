namespace FactCheck.Web.Features.Tips;

/// Names the strings of the staff tips inbox (TipsText.resx, TipsText.id.resx); the public tip form uses PublicText.
public sealed class TipsText;
