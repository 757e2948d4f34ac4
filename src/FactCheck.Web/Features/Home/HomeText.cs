namespace FactCheck.Web.Features.Home;

/// Names the strings of the public home page (HomeText.resx, HomeText.id.resx).
public sealed class HomeText;
