namespace FactCheck.Web.Features.Intake.Extraction;

/// One language's cue words compiled once into lookups: word sets for single words, tries for phrases.
internal sealed class LanguageCues
{
    public LanguageCues(string tag, LanguageCueFile file)
    {
        Tag = tag;
        DecimalSeparator = (file.DecimalSeparator ?? ".")[0];
        UnitHeadFirst = file.UnitHeadFirst ?? false;
        StopWords = Words(file.StopWords);
        Connectors = PhraseSet.Of(file.Connectors);
        Determiners = Words(file.Determiners);
        Pronouns = Words(file.Pronouns);
        PreVerbs = PhraseSet.Of(file.PreVerbs);
        PostVerbs = PhraseSet.Of(file.PostVerbs);
        PronounPostVerbs = PhraseSet.Of(file.PronounPostVerbs);
        PassiveCues = PhraseSet.Of(file.PassiveCues);
        AgentMarkers = Words(file.AgentMarkers);
        AccordingTo = PhraseSet.Of(file.AccordingTo);
        SubjectSkip = Words(file.SubjectSkip);
        PhraseStops = Words(file.PhraseStops);
        RelativePronouns = Words(file.RelativePronouns);
        NameParticles = Words(file.NameParticles);
        Titles = PhraseSet.Of(file.Titles);
        Organisations = PhraseSet.Of(file.Organisations);
        Months = Map(file.Months);
        Weekdays = Map(file.Weekdays?.ToDictionary(w => w.Key, w => Enum.Parse<DayOfWeek>(w.Value, ignoreCase: true)));
        RelativeDays = PhraseSet.Of(file.RelativeDays);
        Multipliers = Map(file.Multipliers);
        NumberWords = Map(file.NumberWords);
        Units = PhraseSet.Of(file.Units);
        PrefixUnits = PhraseSet.Of(file.PrefixUnits);
        RangeConnectors = Words(file.RangeConnectors);
        RangePairs = Map(file.RangePairs);
        NotFigureBefore = Words(file.NotFigureBefore);
        TimeSuffixes = PhraseSet.Of(file.TimeSuffixes);
        OrdinalSuffixes = Words(file.OrdinalSuffixes);
        DenialCues = PhraseSet.Of(file.DenialCues);
        DisputeCues = PhraseSet.Of(file.DisputeCues);
        ReciprocalCues = PhraseSet.Of(file.ReciprocalCues);
        Anaphors = PhraseSet.Of(file.Anaphors);
        Complementisers = Words(file.Complementisers);
        AccusationVerbs = PhraseSet.Of(file.AccusationVerbs);
        EventVerbs = PhraseSet.Of(file.EventVerbs);
        Locatives = Words(file.Locatives);
    }

    public string Tag { get; }
    public char DecimalSeparator { get; }
    public bool UnitHeadFirst { get; }
    public HashSet<string> StopWords { get; }
    public PhraseSet<bool> Connectors { get; }
    public HashSet<string> Determiners { get; }
    public HashSet<string> Pronouns { get; }
    public PhraseSet<bool> PreVerbs { get; }
    public PhraseSet<bool> PostVerbs { get; }
    public PhraseSet<bool> PronounPostVerbs { get; }
    public PhraseSet<bool> PassiveCues { get; }
    public HashSet<string> AgentMarkers { get; }
    public PhraseSet<bool> AccordingTo { get; }
    public HashSet<string> SubjectSkip { get; }
    public HashSet<string> PhraseStops { get; }
    public HashSet<string> RelativePronouns { get; }
    public HashSet<string> NameParticles { get; }
    public PhraseSet<bool> Titles { get; }
    public PhraseSet<string> Organisations { get; }
    public Dictionary<string, int> Months { get; }
    public Dictionary<string, DayOfWeek> Weekdays { get; }
    public PhraseSet<int> RelativeDays { get; }
    public Dictionary<string, double> Multipliers { get; }
    public Dictionary<string, int> NumberWords { get; }
    public PhraseSet<string> Units { get; }
    public PhraseSet<string> PrefixUnits { get; }
    public HashSet<string> RangeConnectors { get; }
    public Dictionary<string, string> RangePairs { get; }
    public HashSet<string> NotFigureBefore { get; }
    public PhraseSet<bool> TimeSuffixes { get; }
    public HashSet<string> OrdinalSuffixes { get; }
    public PhraseSet<bool> DenialCues { get; }
    public PhraseSet<bool> DisputeCues { get; }
    public PhraseSet<bool> ReciprocalCues { get; }
    public PhraseSet<bool> Anaphors { get; }
    public HashSet<string> Complementisers { get; }
    public PhraseSet<bool> AccusationVerbs { get; }
    public PhraseSet<bool> EventVerbs { get; }
    public HashSet<string> Locatives { get; }

    /// Words that end a name or a clause's subject: stops, relative pronouns, complementisers.
    public bool EndsPhrase(string key) => PhraseStops.Contains(key) || RelativePronouns.Contains(key) || Complementisers.Contains(key);

    private static HashSet<string> Words(IEnumerable<string>? words) =>
        new((words ?? []).Select(w => Tokenizer.KeyOf(w.Trim())), StringComparer.Ordinal);

    private static Dictionary<string, T> Map<T>(IDictionary<string, T>? map)
    {
        var keyed = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var (key, value) in map ?? new Dictionary<string, T>())
        {
            keyed[Tokenizer.KeyOf(key.Trim())] = value;
        }

        return keyed;
    }
}
