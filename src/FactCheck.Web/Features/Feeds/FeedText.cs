namespace FactCheck.Web.Features.Feeds;

/// Names the feeds' strings (FeedText.resx, FeedText.id.resx).
public sealed class FeedText;
