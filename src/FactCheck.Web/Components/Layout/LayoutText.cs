namespace FactCheck.Web.Components.Layout;

/// Resources (LayoutText.resx, LayoutText.id.resx): the staff app shell, its navigation and the notification bell.
public sealed class LayoutText;
