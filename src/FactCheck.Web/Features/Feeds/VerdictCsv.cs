using System.Globalization;
using CsvHelper;
using FactCheck.Web.Features.Review;

namespace FactCheck.Web.Features.Feeds;

/// The CSV export: one row per published verdict. UTF-8 with a byte order mark, so spreadsheet programs read
/// Indonesian text right; a text cell that a spreadsheet would run as a formula (= + - @ tab CR) is written with a
/// leading apostrophe. A verdict's title and summary have a column per language, empty where it has no such version.
public static class VerdictCsv
{
    public const string ContentType = "text/csv; charset=utf-8";
    public const string FileName = "factcheck-verdicts.csv";

    public static readonly string[] Columns =
    [
        "url", "claim_title", "claim_text", "claim_language", "translation_en", "claimant", "claimant_kind", "said_on",
        "rating", "rating_label_en", "rating_label_id", "rating_value", "attribution", "title_id", "summary_id", "title_en", "summary_en", "date_published",
        "date_modified", "version", "corrections", "topics",
    ];

    public static byte[] Write(IEnumerable<PublishedVerdictRow> rows, Func<string, string> pageUrl, RatingScale scale) => Write(csv =>
    {
        csv.WriteHeader(Columns);
        foreach (var row in rows)
        {
            var rating = scale.Find(row.Rating);
            csv.WriteRecord(
            [
                pageUrl(row.Slug), row.Title, row.Text, row.Language, row.TranslationEn ?? "", row.ClaimantName, row.ClaimantKind,
                row.SaidOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                row.Rating, rating?.LabelEn ?? row.Rating, rating?.LabelId ?? row.Rating,
                rating?.Value?.ToString(CultureInfo.InvariantCulture) ?? "", row.Attribution ?? "",
                row.SummaryId is null ? "" : row.TitleId ?? "", row.SummaryId ?? "", row.SummaryEn is null ? "" : row.TitleEn ?? "", row.SummaryEn ?? "",
                Instant(row.DatePublished), Instant(row.DateModified), row.Version.ToString(CultureInfo.InvariantCulture),
                row.Corrections.ToString(CultureInfo.InvariantCulture), string.Join(';', row.TopicList()),
            ]);
        }
    });

    /// A CSV file as the exports write them (the dashboard's too): UTF-8 with a byte order mark, formula-like text escaped.
    public static byte[] Write(Action<CsvWriter> write)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, new CsvWriterOptions { Injection = CsvInjection.Escape, WriteByteOrderMark = true }, leaveOpen: true))
        {
            write(csv);
        }

        return stream.ToArray();
    }

    private static string Instant(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
