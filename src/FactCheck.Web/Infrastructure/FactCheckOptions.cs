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

    public ReviewOptions Review { get; set; } = new();

    /// The newsroom's time zone (IANA id): a due date given as a day ends at midnight there.
    public string TimeZone { get; set; } = "Asia/Jakarta";

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

    public sealed class ReviewOptions
    {
        /// Editors' approvals a verdict needs before it is published (the verdict's author never counts).
        public int Approvals { get; set; } = 1;

        /// Days after publication during which an editor may amend a verdict's wording in place; after that
        /// a published verdict changes only through a public correction.
        public int LockDays { get; set; } = 14;

        /// The rating scale; when empty, the default scale (RatingScale.Default) is used.
        public List<RatingOption> Ratings { get; set; } = [];
    }

    public sealed class RatingOption
    {
        public string Key { get; set; } = "";

        public string LabelEn { get; set; } = "";

        public string LabelId { get; set; } = "";

        /// ClaimReview ratingValue (1 = worst … 5 = best); none for ratings such as "unverified".
        public int? Value { get; set; }

        /// Which way the rating points: true, false or neither; the consistency check across denials compares it.
        public string Polarity { get; set; } = "neither";
    }
}
