using FactCheck.Web.Features.Claims;
using Xunit.Abstractions;

namespace FactCheck.Tests.Claims;

/// The effect of stemming on the similar-claim lookup (issue 22), measured on pairs of claims worded differently
/// (similar-claim-pairs.tsv): every recorded claim of the file is on one desk with the demo case and a few hundred
/// other claims about the same war, the same sides and the same places (so names alone do not single a claim out),
/// and each other wording must find its recorded claim among the lookup's first three.
public sealed class SimilarClaimPairsTests(ITestOutputHelper output) : IDisposable
{
    /// Found before stemming (migration 0004's unstemmed index): 21 of 28; with it: 27 of 28 (the miss is "evakuasi pasien
    /// di Stepanakert", which as many background claims match as well). A change that finds fewer fails here.
    private const int FoundFloor = 27;

    private readonly TestApp app = new TestApp().Start();

    public void Dispose() => app.Dispose();

    private static List<(string Language, string Recorded, string Query)> Pairs()
    {
        using var stream = typeof(SimilarClaimPairsTests).Assembly.GetManifestResourceStream("FactCheck.Tests.similar-claim-pairs.tsv")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n')
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.TrimEnd('\r').Split('\t'))
            .Select(f => (f[0], f[1], f[2]))
            .ToList();
    }

    private static readonly string[] Subjects = ["Pasukan Azerbaijan", "Militer Armenia", "Pejabat lokal", "Kementerian Pertahanan", "Juru bicara Baku", "Warga Stepanakert", "Tentara separatis", "Menteri Luar Negeri"];
    private static readonly string[] Verbs = ["menyerang", "membantah", "menembaki", "mengklaim", "menuduh", "melaporkan", "menghancurkan", "menguasai", "mengevakuasi", "menewaskan"];
    private static readonly string[] Objects = ["gedung-gedung di kota", "desa di perbatasan", "pasukan lawan", "rumah sakit", "jembatan utama", "pangkalan militer", "konvoi bantuan", "sekolah dasar"];
    private static readonly string[] Places = ["Stepanakert", "Ganja", "Shusha", "Hadrut", "Tartar", "Fuzuli", "Lachin", "Barda"];
    private static readonly string[] EnglishClaims = ["Azerbaijani forces attacked {0}", "Armenian troops shelled villages near {0}", "A Baku spokesman denied strikes on {0}", "Officials reported casualties in {0}"];

    /// The rest of the desk: claims built from one war's vocabulary, as the latency benchmark's corpus is.
    private async Task RecordBackgroundAsync(Web.Infrastructure.Pipeline.Actor editor)
    {
        var random = new Random(22);
        T Pick<T>(T[] items) => items[random.Next(items.Length)];
        for (var i = 0; i < 300; i++)
        {
            var english = i % 4 == 0;
            var text = english
                ? string.Format(System.Globalization.CultureInfo.InvariantCulture, Pick(EnglishClaims), Pick(Places))
                : $"{Pick(Subjects)} {Pick(Verbs)} {Pick(Objects)} di {Pick(Places)}";
            await app.SendAsync(new SubmitClaim { Title = text, Text = text, Language = english ? "en" : "id", ClaimantName = "Desk background", ClaimantKind = "media", Kind = "statement" }, editor);
        }
    }

    [Fact]
    public async Task Claims_worded_differently_find_each_other_through_their_stems()
    {
        var pairs = Pairs();
        var editor = await app.ActorAsync("editor");
        var checker = await app.ActorAsync("checker");
        var recorded = new List<long>();
        foreach (var (language, text, _) in pairs)
        {
            recorded.Add((await app.SendAsync(
                new SubmitClaim
                {
                    Title = text.Length > 75 ? text[..75] : text,
                    Text = text,
                    Language = language,
                    ClaimantName = "Juru bicara",
                    ClaimantKind = "person",
                    Kind = "statement",
                },
                editor)).Id);
        }

        // Recorded before the rest of the desk, so a tie with a background claim goes against them (newest first).
        await RecordBackgroundAsync(editor);
        var missed = new List<string>();
        for (var i = 0; i < pairs.Count; i++)
        {
            var top = await app.QueryAsync(new FindSimilarClaims(pairs[i].Query, 3), checker);
            if (!top.Any(s => s.Id == recorded[i]))
            {
                missed.Add($"'{pairs[i].Query}' did not find '{pairs[i].Recorded}' (found: {string.Join(" | ", top.Select(s => s.Text))})");
            }
        }

        var found = pairs.Count - missed.Count;
        output.WriteLine($"recall@3: {found} of {pairs.Count} ({pairs.Count(p => p.Language == "id")} Indonesian, {pairs.Count(p => p.Language == "en")} English)");
        missed.ForEach(output.WriteLine);
        Assert.True(pairs.Count >= 20, "at least 20 pairs");
        Assert.True(found >= FoundFloor, $"found {found} of {pairs.Count}, fewer than {FoundFloor}:\n{string.Join('\n', missed)}");
    }
}
