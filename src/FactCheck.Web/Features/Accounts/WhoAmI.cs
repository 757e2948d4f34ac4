using System.Security.Claims;
using FactCheck.Web.Infrastructure;
using FactCheck.Web.Infrastructure.Auth;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace FactCheck.Web.Features.Accounts;

[AllowAnyStaff]
[AllowedBeforePasswordChange]
public sealed record WhoAmI : IQuery<CurrentUserInfo>;

public sealed class WhoAmIHandler(CurrentActor current) : IQueryHandler<WhoAmI, CurrentUserInfo>
{
    public ValueTask<CurrentUserInfo> Handle(WhoAmI query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new CurrentUserInfo(current.Actor.UserId!.Value, current.Actor.Name, current.Actor.Roles.Order(StringComparer.Ordinal).ToList()));
}
