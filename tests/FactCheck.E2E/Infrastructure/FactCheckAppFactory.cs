using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FactCheck.E2E.Infrastructure;

/// The real FactCheck app on a real Kestrel socket (127.0.0.1, a free port), with its own SQLite file and the demo case.
public sealed class FactCheckAppFactory : WebApplicationFactory<Program>
{
    private readonly string dataFolder;
    private readonly string demoPassword;

    public FactCheckAppFactory(string dataFolder, string demoPassword)
    {
        this.dataFolder = dataFolder;
        this.demoPassword = demoPassword;
        UseKestrel(0);
    }

    public string DatabasePath => Path.Combine(dataFolder, "factcheck.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        // UseSetting goes into the host configuration, which the app's builder sees before Program's own code reads it
        // (the connection string and the login rate limit are read while services are registered).
        builder.UseSetting("ConnectionStrings:FactCheck", $"Data Source={DatabasePath}");
        builder.UseSetting("FactCheck:DemoData", "true");
        builder.UseSetting("FactCheck:DemoPassword", demoPassword);
        // The real in-process Hangfire server, so /jobs shows what production shows.
        builder.UseSetting("FactCheck:Jobs:Enabled", "true");
        // Every test signs in through the form from 127.0.0.1; the default budget (10 a minute) would cap the suite.
        builder.UseSetting("FactCheck:Security:LoginRequestsPerMinute", "1000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
        builder.UseSetting("Logging:LogLevel:Hangfire", "Warning");
    }
}
