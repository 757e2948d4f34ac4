namespace FactCheck.Web.Features.Topics;

/// Resources (TopicPickerText.resx, TopicPickerText.id.resx): the topic picker of the claim forms.
public sealed class TopicPickerText;
