namespace FactCheck.Web.Features.Queue;

/// Resources (QueueText.resx, QueueText.id.resx): the review queue, its tabs, filters, table and bulk bars.
public sealed class QueueText;
