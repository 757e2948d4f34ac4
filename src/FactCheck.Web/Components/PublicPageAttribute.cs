namespace FactCheck.Web.Components;

/// A reader-facing page with no form: served without cookies so it can be cached by us and by proxies.
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PublicPageAttribute : Attribute;
