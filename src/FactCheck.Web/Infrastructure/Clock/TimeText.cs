namespace FactCheck.Web.Infrastructure.Clock;

/// Resources (TimeText.resx, TimeText.id.resx): how the desk writes dates, deadlines and ages in each language.
public sealed class TimeText;
