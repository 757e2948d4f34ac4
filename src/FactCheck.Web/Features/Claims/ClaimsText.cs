namespace FactCheck.Web.Features.Claims;

/// Resources (ClaimsText.resx, ClaimsText.id.resx): the claim pages and forms, the words for statuses, kinds and
/// relations, and the claim commands' messages (keys starting "Err", see StaffMessages).
public sealed class ClaimsText;
