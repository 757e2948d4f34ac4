namespace FactCheck.Web.Components.Charts;

/// Names the words the charts write for screen readers and their tables (ChartText.resx, ChartText.id.resx).
public sealed class ChartText;
