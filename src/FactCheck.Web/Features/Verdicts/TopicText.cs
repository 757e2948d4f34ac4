namespace FactCheck.Web.Features.Verdicts;

/// Names the strings of the public topic page (TopicText.resx, TopicText.id.resx).
public sealed class TopicText;
