namespace FactCheck.Web.Features.Intake;

/// Resources (IntakeText.resx, IntakeText.id.resx): claims from an article, and the intake commands' messages.
public sealed class IntakeText;
