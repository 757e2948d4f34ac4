namespace FactCheck.Web.Components.Layout;

/// Components a feature puts in the staff app bar (the notification bell): the shell offers the place, the feature
/// registers what goes there, so the layout never names a feature.
public sealed class StaffAppBarOptions
{
    public List<Type> Items { get; } = [];
}
