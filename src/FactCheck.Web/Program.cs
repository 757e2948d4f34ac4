using FactCheck.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddFactCheck();

var app = builder.Build();
app.MapFactCheck();
await app.InitializeFactCheckAsync();
await app.RunAsync();

/// Visible to WebApplicationFactory in the test projects.
public partial class Program;
