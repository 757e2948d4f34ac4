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

    public SlaOptions Sla { get; set; } = new();

    public ReminderOptions Reminders { get; set; } = new();

    public SmtpOptions Smtp { get; set; } = new();

    /// The newsroom's time zone (IANA id): a due date given as a day ends at midnight there.
    public string TimeZone { get; set; } = "Asia/Jakarta";

    /// The public site's address (scheme, host and any path base, e.g. https://cekfakta.example.id) used for absolute
    /// links in ClaimReview markup, feeds, hreflang alternates and e-mail. When empty, the request's own address is used.
    public string? PublicUrl { get; set; }

    public OrganisationOptions Organisation { get; set; } = new();

    public PublicCacheOptions PublicCache { get; set; } = new();

    public LiveOptions Live { get; set; } = new();

    public BackupOptions Backup { get; set; } = new();

    /// Scheduled online backups of the database (see Features/Backup).
    public sealed class BackupOptions
    {
        public bool Enabled { get; set; } = true;

        /// When the backup job runs (Hangfire cron, UTC).
        public string Cron { get; set; } = "30 2 * * *";

        /// Where backups go; a relative folder is taken from the database's folder.
        public string Folder { get; set; } = "backups";

        /// How many scheduled backups to keep; older ones are deleted after each new one.
        public int Keep { get; set; } = 7;
    }

    /// Live staff pages (dashboards, the queue) that redraw themselves when claims change.
    public sealed class LiveOptions
    {
        /// How many open pages may redraw at once after a change; 0 means one fewer than the processors (at least 1).
        public int ConcurrentRefreshes { get; set; }
    }

    /// The desk that publishes the verdicts: the ClaimReview author and the footer of every public page.
    public sealed class OrganisationOptions
    {
        public string Name { get; set; } = "FactCheck";

        /// The organisation's home page; the public site's address when empty.
        public string? Url { get; set; }

        /// Where the desk explains how it checks claims; the built-in page when empty.
        public string? MethodologyUrl { get; set; }

        /// Where the desk explains how it corrects mistakes; the built-in page when empty.
        public string? CorrectionsPolicyUrl { get; set; }
    }

    public sealed class PublicCacheOptions
    {
        /// Output-cache public pages and feeds; entries are evicted when a claim they show changes.
        public bool Enabled { get; set; } = true;

        /// Upper bound on an entry's life, for changes that no command announces (configuration, a restored backup).
        public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(10);
    }

    public sealed class AdminOptions
    {
        public string? Username { get; set; }

        public string? Password { get; set; }
    }

    public sealed class SecurityOptions
    {
        /// Failed sign-ins from one client network (IPv4 address or IPv6 /64) within LockoutMinutes that lock the
        /// account for that network.
        public int MaxFailedLogins { get; set; } = 5;

        /// Failed sign-ins from all networks within LockoutMinutes that lock the account for everyone.
        public int MaxFailedLoginsPerAccount { get; set; } = 50;

        /// The sliding window failed sign-ins are counted in.
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

        /// Language versions (id, en) a verdict must have to be submitted and approved; empty means the claim's own
        /// language (Indonesian for an Indonesian claim, English for every other).
        public List<string> RequiredLanguages { get; set; } = [];

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

    /// How long each stage may take when an editor gave no due date: research towards a verdict by priority,
    /// and an editor's review of a submitted verdict. Counted in working hours when WorkingHours is on.
    public sealed class SlaOptions
    {
        public TimeSpan High { get; set; } = TimeSpan.FromHours(24);

        public TimeSpan Normal { get; set; } = TimeSpan.FromHours(72);

        public TimeSpan Low { get; set; } = TimeSpan.FromDays(7);

        public TimeSpan Review { get; set; } = TimeSpan.FromHours(12);

        /// Count deadlines in the newsroom's working hours (FactCheck:TimeZone) instead of wall-clock hours.
        public bool WorkingHours { get; set; }

        public TimeOnly WorkdayStart { get; set; } = new(9, 0);

        public TimeOnly WorkdayEnd { get; set; } = new(17, 0);

        public List<DayOfWeek> WorkDays { get; set; } = [];
    }

    public sealed class ReminderOptions
    {
        /// Share of the stage's time after which the person who must act is told it is due soon.
        public double DueSoonShare { get; set; } = 0.75;

        /// How long after the deadline the assigning editor is told the work is late.
        public TimeSpan EscalationGrace { get; set; } = TimeSpan.FromHours(4);

        /// How often the reminder sweep runs (Hangfire cron; six fields for seconds, e.g. "*/5 * * * * *").
        public string SweepCron { get; set; } = "* * * * *";

        /// Local time (FactCheck:TimeZone) after which each person's daily digest goes out.
        public TimeOnly DigestTime { get; set; } = new(8, 0);
    }

    /// E-mail is sent only when Host and From are set.
    public sealed class SmtpOptions
    {
        public string? Host { get; set; }

        public int Port { get; set; } = 587;

        /// StartTls (the default: upgrade port 587 to TLS, or fail), SslOnConnect (port 465), Auto (TLS when the server
        /// offers it) or None. A username and password are only ever sent over TLS.
        public string Security { get; set; } = "StartTls";

        public string? Username { get; set; }

        public string? Password { get; set; }

        public string? From { get; set; }

        public string FromName { get; set; } = "FactCheck";

        /// How often the outbox is delivered (Hangfire cron).
        public string DeliveryCron { get; set; } = "* * * * *";

        public int MaxAttempts { get; set; } = 12;

        public bool Enabled => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(From);
    }
}
