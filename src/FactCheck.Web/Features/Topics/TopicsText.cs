namespace FactCheck.Web.Features.Topics;

/// Names the topic strings (TopicsText.resx, TopicsText.id.resx).
public sealed class TopicsText;
