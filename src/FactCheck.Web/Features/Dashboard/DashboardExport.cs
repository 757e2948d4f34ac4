using System.Globalization;
using System.Resources;
using System.Text;
using CsvHelper;
using FactCheck.Web.Features.Feeds;
using FactCheck.Web.Features.Review;
using FactCheck.Web.Infrastructure.Pipeline;
using Mediator;
using Microsoft.AspNetCore.Localization;

namespace FactCheck.Web.Features.Dashboard;

/// The numbers behind the editor dashboard's charts: one CSV per chart for a spreadsheet (signed-in staff, cookie), and
/// the whole dashboard as JSON for newsroom integrations (bearer token). Both send GetDeskDashboard through the mediator,
/// so the pipeline decides who may read them (editors and admins) as it does for the page.
public static class DashboardExport
{
    public const string ExportPath = "/dashboard/export";
    public const string ApiPath = "/api/dashboard";
    public const string ContentType = VerdictCsv.ContentType;

    private static readonly ResourceManager Strings = new(typeof(DashboardText));

    private const string HoursFormat = "0.##";
    private const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    private static readonly Dictionary<string, Action<CsvWriter, DeskDashboard, RatingScale, Func<string, string>>> Writers = new(StringComparer.Ordinal)
    {
        ["states"] = (csv, d, _, h) => Rows(csv, h, ["status", "count"], d.States, (c, s) => c.Text(s.Status).Number(s.Count)),
        // The dashboard's lists hold only the most urgent rows (GetDeskDashboardHandler.ListSize); the JSON has their Total.
        ["overdue"] = (csv, d, _, h) => Deadlines(csv, h, d.Overdue),
        ["due-soon"] = (csv, d, _, h) => Deadlines(csv, h, d.DueSoon),
        ["unassigned"] = (csv, d, _, h) => Rows(csv, h, ["age", "count"], d.Unassigned.Buckets, (c, b) => c.Text(b.Label).Number(b.Count)),
        ["workload"] = (csv, d, _, h) => Rows(csv, h, ["person", "open", "overdue", "due_this_week", "in_review"], d.Workload,
            (c, w) => c.Text(w.Name).Number(w.Open).Number(w.Overdue).Number(w.DueThisWeek).Number(w.InReview)),
        ["throughput"] = (csv, d, _, h) => Rows(csv, h, ["period_start", "published", "corrected"], d.Throughput, (c, p) =>
        {
            c.WriteField(p.Start);
            c.Number(p.Published).Number(p.Corrected);
        }),
        ["time-to-verdict"] = (csv, d, _, h) => Rows(csv, h, ["stage", "count", "median_hours", "p90_hours"],
            d.TimeToVerdict.Stages.Append(new StageSpread("overall", d.TimeToVerdict.Overall)),
            (c, s) => c.Text(s.Stage).Number(s.Spread.Count).Hours(s.Spread.MedianHours).Hours(s.Spread.P90Hours)),
        ["verdicts"] = (csv, d, _, h) => Rows(csv, h, ["rating", "label", "count"], d.Verdicts, (c, r) => c.Text(r.Rating).Text(r.Label).Number(r.Count)),
        ["balance-sides"] = (csv, d, scale, h) => Balance(csv, h, d.Sides, scale, sides: true),
        ["balance-claimants"] = (csv, d, scale, h) => Balance(csv, h, d.Claimants, scale, sides: false),
    };

    public static IReadOnlyCollection<string> Sections => Writers.Keys;

    /// The download link of one section for a filter, for the dashboard page.
    public static string Url(string section, DashboardFilter filter) => filter.RelativeUrl($"{ExportPath}/{section}.csv");

    public static void MapDashboardExport(this IEndpointRouteBuilder app)
    {
        app.MapGet(ExportPath + "/{section}.csv", async (string section, string? period, string? by, string? topic, string? lang,
            HttpContext context, IMediator mediator, RatingScale scale, CancellationToken ct) =>
        {
            var dashboard = await LoadAsync(mediator, period, by, topic, lang, ct);
            if (!Writers.TryGetValue(section, out var write))
            {
                throw new NotFoundException($"The dashboard has no section '{section}'. Sections: {string.Join(", ", Sections)}.");
            }

            context.Response.Headers.CacheControl = "no-store";
            return TypedResults.File(VerdictCsv.Write(csv => write(csv, dashboard, scale, name => Header(HeaderCulture(context), name))), ContentType, FileName(section, dashboard.Filter));
        })
        .RequireAuthorization()
        .ExcludeFromDescription();

        app.MapGet(ApiPath, async (string? period, string? by, string? topic, string? lang, HttpContext context, IMediator mediator, CancellationToken ct) =>
        {
            var dashboard = await LoadAsync(mediator, period, by, topic, lang, ct);
            context.Response.Headers.CacheControl = "no-store";
            return TypedResults.Ok(dashboard);
        })
        .RequireAuthorization()
        .WithTags("Dashboard")
        .WithSummary("The editor dashboard as JSON (editors and admins): ?period=7d|30d|90d|365d|all, ?by=day|week, ?topic=, ?lang=.")
        .ProducesValidationProblem();
    }

    /// factcheck-states-30d-casualties-id.csv: the section and the filter, in letters, digits and dashes only.
    public static string FileName(string section, DashboardFilter filter)
    {
        var parts = new[] { "factcheck", section, filter.Period, filter.Topic, filter.Language }.Select(Safe).Where(p => p.Length > 0);
        return string.Join('-', parts) + ".csv";
    }

    /// The page reads its address leniently (an old link still opens); an integration must hear that a value was wrong,
    /// so an unknown period or bucket reaches the query's validation instead of falling back to the default.
    private static async Task<DeskDashboard> LoadAsync(IMediator mediator, string? period, string? by, string? topic, string? lang, CancellationToken ct)
    {
        var parsed = DashboardFilter.Parse(period, by, topic, lang);
        var filter = parsed with { Period = DashboardFilter.Blank(period) ?? parsed.Period, By = DashboardFilter.Blank(by) ?? parsed.By };
        try
        {
            return await mediator.Send(new GetDeskDashboard(filter), ct);
        }
        catch (ValidationFailedException failed) when (failed.Errors.ContainsKey(nameof(DashboardFilter.Language)))
        {
            // Problem details name the query parameter, and the language arrives as ?lang=.
            throw new ValidationFailedException(failed.Errors.ToDictionary(e => e.Key == nameof(DashboardFilter.Language) ? "lang" : e.Key, e => e.Value));
        }
    }

    private static void Rows<T>(CsvWriter csv, Func<string, string> h, ReadOnlySpan<string> header, IEnumerable<T> rows, Action<CsvWriter, T> write)
    {
        var names = new string[header.Length];
        for (var i = 0; i < header.Length; i++)
        {
            names[i] = h(header[i]);
        }

        csv.WriteHeader(names);
        foreach (var row in rows)
        {
            write(csv, row);
            csv.EndRecord();
        }
    }

    private static void Deadlines(CsvWriter csv, Func<string, string> h, DeadlineList list) =>
        Rows(csv, h, ["claim_id", "title", "status", "priority", "assignee", "due_at"], list.Items, (c, r) =>
        {
            c.Number(r.ClaimId).Text(r.Title).Text(r.Status).Text(r.Priority).Text(r.Assignee);
            c.WriteField(r.DueAt.ToUniversalTime(), InstantFormat);
        });

    /// One column per rating of the scale, in its order, then any rating the scale no longer has, so the rating
    /// columns always add up to checked.
    private static void Balance(CsvWriter csv, Func<string, string> h, IReadOnlyList<BalanceRow> rows, RatingScale scale, bool sides)
    {
        var ratings = scale.Ratings.Select(r => r.Key)
            .Concat(rows.SelectMany(r => r.Ratings).Select(r => r.Rating).Where(k => scale.Find(k) is null).Distinct().Order(StringComparer.Ordinal))
            .ToList();
        Rows(csv, h, ["name", "side", "recorded", "checked", "open", "rejected", .. ratings], rows, (c, row) =>
        {
            // A side's row is keyed by the side itself ("" for claimants without one); a claimant's by its id.
            c.Text(row.Name).Text(sides ? row.Key : row.Side).Number(row.Recorded).Number(row.Checked).Number(row.Open).Number(row.Rejected);
            foreach (var rating in ratings)
            {
                c.Number(row.Ratings.FirstOrDefault(r => r.Rating == rating)?.Count ?? 0);
            }
        });
    }

    /// Column names in the reader's language (snake_case, like the English ones); a rating key stays as it is.
    public static string Header(CultureInfo culture, string name) => Strings.GetString("Csv_" + name, culture) ?? name;

    /// The person's language, except that the dashboard's ?lang= filters claims by language: a culture picked from the
    /// query string is that filter, not a choice of words, and the columns then keep their English (neutral) names.
    private static CultureInfo HeaderCulture(HttpContext context) =>
        context.Features.Get<IRequestCultureFeature>()?.Provider is QueryStringRequestCultureProvider
            ? CultureInfo.InvariantCulture
            : CultureInfo.CurrentUICulture;

    private static CsvWriter Text(this CsvWriter csv, string? value)
    {
        csv.WriteField(value);
        return csv;
    }

    // Numbers are written as numbers, not text, so the formula escaping never touches them.
    private static CsvWriter Number(this CsvWriter csv, long value)
    {
        csv.WriteField(value);
        return csv;
    }

    private static CsvWriter Hours(this CsvWriter csv, double? hours)
    {
        csv.WriteField(hours, HoursFormat);
        return csv;
    }

    private static string Safe(string? value)
    {
        var safe = new StringBuilder();
        foreach (var c in (value ?? "").ToLowerInvariant())
        {
            safe.Append(char.IsLetterOrDigit(c) ? c : '-');
        }

        var collapsed = string.Join('-', safe.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Length <= 40 ? collapsed : collapsed[..40].TrimEnd('-');
    }
}
