using System.Reflection;

namespace FactCheck.Web.Features.Intake.Extraction;

/// The cue words and patterns the extractor reads, kept as data (cues.json, embedded) the desk can extend.
/// Immutable once built: every lookup is compiled in the constructor, so one instance serves any number of threads.
public sealed class IntakeCues
{
    private const string ResourceName = "FactCheck.Intake.cues.json";
    private static readonly Lazy<IntakeCues> BuiltIn = new(LoadBuiltIn);

    private readonly CueFile file;
    private readonly Dictionary<string, LanguageCues> languages;
    private readonly HashSet<string> abbreviations;
    private readonly Dictionary<string, int> points;

    private IntakeCues(CueFile file)
    {
        this.file = file;
        Threshold = file.CandidateThreshold ?? 25;
        MaxSentences = file.MaxSentences ?? 2_000;
        MaxCandidates = file.MaxCandidates ?? 200;
        MaxSentenceLength = file.MaxSentenceLength ?? 1_500;
        points = new Dictionary<string, int>(file.Points ?? [], StringComparer.Ordinal);
        Gazetteer = PhraseSet.Of(file.Gazetteer);
        languages = (file.Languages ?? []).ToDictionary(
            l => l.Key.ToLowerInvariant(), l => new LanguageCues(l.Key.ToLowerInvariant(), l.Value), StringComparer.Ordinal);
        abbreviations = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in file.Abbreviations ?? [])
        {
            var word = entry.Trim().TrimEnd('.');
            abbreviations.Add(word);
            if (word.Length > 0 && char.IsLower(word[0]))
            {
                abbreviations.Add(char.ToUpperInvariant(word[0]) + word[1..]);
            }
        }
    }

    /// The built-in cues for Indonesian and English.
    public static IntakeCues Default => BuiltIn.Value;

    /// The given cues plus the desk's own (a JSON file of the same shape as the built-in one): lists are added to, not replaced.
    public static IntakeCues Extend(IntakeCues baseCues, Stream json)
    {
        ArgumentNullException.ThrowIfNull(baseCues);
        ArgumentNullException.ThrowIfNull(json);
        var desk = CueFile.Read(json, "The desk's intake cue file");
        return new IntakeCues(CueFile.Merge(baseCues.file, desk));
    }

    internal int Threshold { get; }
    internal int MaxSentences { get; }
    internal int MaxCandidates { get; }
    internal int MaxSentenceLength { get; }
    internal PhraseSet<bool> Gazetteer { get; }
    internal IEnumerable<LanguageCues> Languages => languages.Values;

    internal LanguageCues? For(string? tag) =>
        tag is not null && languages.TryGetValue(tag, out var cues) ? cues : null;

    internal int Points(string code) => points.GetValueOrDefault(code);

    /// "dr" and "Dr", "U.S", "Jl" (without the period) as listed; a lower-case entry also covers its capitalised form.
    internal bool IsAbbreviation(string word) => abbreviations.Contains(word);

    private static IntakeCues LoadBuiltIn()
    {
        using var stream = typeof(IntakeCues).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The built-in intake cues ({ResourceName}) are not embedded in {Assembly.GetExecutingAssembly().GetName().Name}.");
        return new IntakeCues(CueFile.Read(stream, "The built-in intake cue file"));
    }
}
