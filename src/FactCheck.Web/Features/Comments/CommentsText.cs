namespace FactCheck.Web.Features.Comments;

/// Names the strings of a claim's staff discussion (CommentsText.resx, CommentsText.id.resx).
public sealed class CommentsText;
