namespace FactCheck.Web.Features.ClaimDesk;

/// Resources (ClaimDeskText.resx, ClaimDeskText.id.resx): the claim page, its history and review panel.
public sealed class ClaimDeskText;
