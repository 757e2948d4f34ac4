using FactCheck.Web;
using FactCheck.Web.Features.Admin;
using FactCheck.Web.Features.Backup;

if (BackupCommandLine.Handles(args))
{
    return await BackupCommandLine.RunAsync(args, Console.Out, Console.Error);
}

if (CopyToPostgresCommandLine.Handles(args))
{
    return await CopyToPostgresCommandLine.RunAsync(args, Console.Out, Console.Error);
}

if (AuditCommandLine.Handles(args))
{
    return await AuditCommandLine.RunAsync(args, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddFactCheck();

var app = builder.Build();
app.MapFactCheck();
await app.InitializeFactCheckAsync();
await app.RunAsync();
return 0;

/// Visible to WebApplicationFactory in the test projects.
public partial class Program;
