namespace FactCheck.Web.Components;

/// A public page whose language versions are not always both there (a verdict): it writes its own hreflang
/// alternates, naming only the versions that exist, instead of the site-wide pair.
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class LanguageVersionsAttribute : Attribute;
