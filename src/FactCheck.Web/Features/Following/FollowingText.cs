namespace FactCheck.Web.Features.Following;

/// Names the strings of the follow button (FollowingText.resx, FollowingText.id.resx).
public sealed class FollowingText;
