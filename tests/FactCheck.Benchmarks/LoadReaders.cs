using System.Net;
using System.Text.RegularExpressions;

namespace FactCheck.Benchmarks;

/// The load scenario's anonymous readers: each a closed loop (its next request when the previous one has answered), no
/// cookies, over the public pages a reader opens: a verdict page (60 %), the home page (20 %), a search from the home
/// page (12 %) and the home page's second page (8 %). The verdict pages are the demo's published verdicts and every
/// verdict the staff publish during the run (from the moment it is published), so readers meet cache misses as they
/// would: a new verdict's first readers, and any page the staff's changes evicted (a publication or an amendment
/// evicts that verdict's page and every list).
public static partial class LoadReaders
{
    public const string Home = LoadRecorder.PagePrefix + ": home /";
    public const string Search = LoadRecorder.PagePrefix + ": home search /?q=…";
    public const string SecondPage = LoadRecorder.PagePrefix + ": home /?page=2";
    public const string Verdict = LoadRecorder.PagePrefix + ": verdict /verdicts/{slug}";

    public static readonly string[] Classes = [Verdict, Home, Search, SecondPage];

    public static async Task RunAsync(
        HttpClient client, LoadRecorder recorder, VerdictPages pages, string[] searches, int seed, CancellationToken stop, CancellationToken interrupted)
    {
        var random = new Random(seed);
        while (!stop.IsCancellationRequested)
        {
            var roll = random.Next(100);
            var (requestClass, path) = roll switch
            {
                < 60 => (Verdict, "/verdicts/" + pages.Pick(random)),
                < 80 => (Home, "/"),
                < 92 => (Search, "/?q=" + Uri.EscapeDataString(searches[random.Next(searches.Length)])),
                _ => (SecondPage, "/?page=2"),
            };
            if (await recorder.SendAsync(client, requestClass, HttpMethod.Get, path, null, null, HttpStatusCode.OK, interrupted) is null)
            {
                // The error is recorded and fails the run; this reader stops rather than hammer a failing server in a
                // tight loop, and the other virtual users carry on.
                return;
            }
        }
    }

    /// The verdict pages the home page links to.
    public static string[] SlugsOn(string homePage) =>
        [.. VerdictLink().Matches(homePage).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Distinct(StringComparer.Ordinal)];

    /// Words readers search for: the longer words of the published titles (a hit each), and one that finds nothing.
    public static string[] SearchTerms(IEnumerable<string> slugs) =>
    [
        .. slugs.SelectMany(s => s.Split('-')).Where(w => w.Length >= 6 && !w.All(char.IsDigit)).Distinct(StringComparer.Ordinal).Take(12),
        "kucing",
    ];

    [GeneratedRegex("href=\"/verdicts/([^\"?#]+)\"")]
    private static partial Regex VerdictLink();
}

/// The published verdicts' slugs, shared by the readers (who pick one at random) and the staff (who add what they
/// publish). Copy on write: readers never wait for a lock.
public sealed class VerdictPages(IEnumerable<string> slugs)
{
    private readonly Lock gate = new();
    private string[] slugs = [.. slugs];

    public int Count => Volatile.Read(ref slugs).Length;

    public string Pick(Random random)
    {
        var current = Volatile.Read(ref slugs);
        return current[random.Next(current.Length)];
    }

    public void Add(string slug)
    {
        lock (gate)
        {
            Volatile.Write(ref slugs, [.. slugs, slug]);
        }
    }
}
