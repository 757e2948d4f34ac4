namespace FactCheck.Web.Infrastructure.Pipeline;

/// Every message declares who may send it. A message without a declaration is refused by the pipeline.
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AllowRolesAttribute(params string[] roles) : Attribute
{
    public IReadOnlyList<string> Roles { get; } = roles;
}

/// Anyone may send it, readers included (public pages, sign-in).
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AllowAnonymousMessageAttribute : Attribute;

/// Any signed-in staff member may send it, whatever their role.
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AllowAnyStaffAttribute : Attribute;

/// Only the system itself (jobs, start-up) may send it.
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SystemOnlyAttribute : Attribute;

/// Excluded from the audit record's before/after JSON (passwords, tokens).
[AttributeUsage(AttributeTargets.Property)]
public sealed class SensitiveAttribute : Attribute;

/// May be sent by an account that must set a new password first (the first admin with a printed password, or after an
/// admin's reset); every other message is refused to it until it has.
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AllowedBeforePasswordChangeAttribute : Attribute;
