namespace FactCheck.Web.Infrastructure;

/// Everything under the "FactCheck" configuration section. README lists each key.
public sealed class FactCheckOptions
{
    public const string Section = "FactCheck";

    /// Load the built-in demo case into an empty database.
    public bool DemoData { get; set; }

    /// Password for the demo staff accounts; generated and printed once when not set.
    public string? DemoPassword { get; set; }

    public AdminOptions Admin { get; set; } = new();

    public SecurityOptions Security { get; set; } = new();

    public JobOptions Jobs { get; set; } = new();

    public sealed class AdminOptions
    {
        public string? Username { get; set; }

        public string? Password { get; set; }
    }

    public sealed class SecurityOptions
    {
        public int MaxFailedLogins { get; set; } = 5;

        public int LockoutMinutes { get; set; } = 15;

        public int ApiTokenDays { get; set; } = 30;

        /// Sign-in and token requests allowed per client address per minute.
        public int LoginRequestsPerMinute { get; set; } = 10;
    }

    public sealed class JobOptions
    {
        /// Run the Hangfire server in this process.
        public bool Enabled { get; set; } = true;

        public string MaintenanceCron { get; set; } = "17 3 * * *";

        /// How often the similar-claim lookup's word statistics are refreshed from the search index.
        public string SearchStatisticsCron { get; set; } = "*/10 * * * *";
    }
}
