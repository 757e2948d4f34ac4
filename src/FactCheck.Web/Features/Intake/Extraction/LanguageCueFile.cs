using FactCheck.Web.Features.Claims;

namespace FactCheck.Web.Features.Intake.Extraction;

/// One language's cue words as written in cues.json ("languages": { "id": {...}, "en": {...} }).
internal sealed class LanguageCueFile
{
    public string? DecimalSeparator { get; set; }
    public bool? UnitHeadFirst { get; set; }
    public List<string>? StopWords { get; set; }
    public List<string>? Connectors { get; set; }
    public List<string>? Determiners { get; set; }
    public List<string>? Pronouns { get; set; }
    public List<string>? PreVerbs { get; set; }
    public List<string>? PostVerbs { get; set; }
    public List<string>? PronounPostVerbs { get; set; }
    public List<string>? PassiveCues { get; set; }
    public List<string>? AgentMarkers { get; set; }
    public List<string>? AccordingTo { get; set; }
    public List<string>? SubjectSkip { get; set; }
    public List<string>? PhraseStops { get; set; }
    public List<string>? RelativePronouns { get; set; }
    public List<string>? NameParticles { get; set; }
    public List<string>? Titles { get; set; }
    public Dictionary<string, string>? Organisations { get; set; }
    public Dictionary<string, int>? Months { get; set; }
    public Dictionary<string, string>? Weekdays { get; set; }
    public Dictionary<string, int>? RelativeDays { get; set; }
    public Dictionary<string, double>? Multipliers { get; set; }
    public Dictionary<string, int>? NumberWords { get; set; }
    public Dictionary<string, string>? Units { get; set; }
    public Dictionary<string, string>? PrefixUnits { get; set; }
    public List<string>? RangeConnectors { get; set; }
    public Dictionary<string, string>? RangePairs { get; set; }
    public List<string>? NotFigureBefore { get; set; }
    public List<string>? TimeSuffixes { get; set; }
    public List<string>? OrdinalSuffixes { get; set; }
    public List<string>? DenialCues { get; set; }
    public List<string>? DisputeCues { get; set; }
    public List<string>? ReciprocalCues { get; set; }
    public List<string>? Anaphors { get; set; }
    public List<string>? Complementisers { get; set; }
    public List<string>? AccusationVerbs { get; set; }
    public List<string>? EventVerbs { get; set; }
    public List<string>? Locatives { get; set; }
    public List<string>? ReferringNouns { get; set; }
    public List<string>? NamingPhrases { get; set; }
    public List<string>? SourcePassives { get; set; }
    public List<string>? Auxiliaries { get; set; }
    public List<string>? VerbPrefixes { get; set; }
    public List<string>? InstitutionWords { get; set; }
    public List<string>? OtherWords { get; set; }
    public List<string>? PlaceLeads { get; set; }
    public Dictionary<string, string>? TallyNouns { get; set; }
    public List<string>? PlaceWords { get; set; }
    public Dictionary<string, string>? NamedDays { get; set; }
    public Dictionary<string, string>? AttributedDenials { get; set; }
    public List<string>? ExistenceDenials { get; set; }
    public List<string>? CommonVerbs { get; set; }
    public List<string>? Honorifics { get; set; }
    public List<string>? HeadTitles { get; set; }
    public List<string>? PlaceTitles { get; set; }
    public List<string>? Occasions { get; set; }
    public List<string>? PostNouns { get; set; }
    public List<string>? Quantifiers { get; set; }
    public List<string>? Demonstratives { get; set; }
    public List<string>? PluralPronouns { get; set; }
    public List<string>? ContrastMarkers { get; set; }
    public List<string>? CorrectionMarkers { get; set; }
    public List<string>? ScopeWords { get; set; }
    public List<string>? NegationWords { get; set; }
    public List<string>? DurationUnits { get; set; }
    public List<string>? Classifiers { get; set; }
    public List<string>? ComplaintVerbs { get; set; }
    public List<string>? ClaimVerbs { get; set; }
    public List<string>? SourceNouns { get; set; }
    public List<string>? BackReferences { get; set; }
    public List<string>? Presentatives { get; set; }
    public Dictionary<string, string>? RateSuffixes { get; set; }
    public Dictionary<string, string>? CasualtyVerbs { get; set; }
    public Dictionary<string, string>? ClaimNouns { get; set; }

    public static LanguageCueFile Merge(LanguageCueFile a, LanguageCueFile b) => new()
    {
        DecimalSeparator = b.DecimalSeparator ?? a.DecimalSeparator,
        UnitHeadFirst = b.UnitHeadFirst ?? a.UnitHeadFirst,
        StopWords = CueFile.MergeList(a.StopWords, b.StopWords),
        Connectors = CueFile.MergeList(a.Connectors, b.Connectors),
        Determiners = CueFile.MergeList(a.Determiners, b.Determiners),
        Pronouns = CueFile.MergeList(a.Pronouns, b.Pronouns),
        PreVerbs = CueFile.MergeList(a.PreVerbs, b.PreVerbs),
        PostVerbs = CueFile.MergeList(a.PostVerbs, b.PostVerbs),
        PronounPostVerbs = CueFile.MergeList(a.PronounPostVerbs, b.PronounPostVerbs),
        PassiveCues = CueFile.MergeList(a.PassiveCues, b.PassiveCues),
        AgentMarkers = CueFile.MergeList(a.AgentMarkers, b.AgentMarkers),
        AccordingTo = CueFile.MergeList(a.AccordingTo, b.AccordingTo),
        SubjectSkip = CueFile.MergeList(a.SubjectSkip, b.SubjectSkip),
        PhraseStops = CueFile.MergeList(a.PhraseStops, b.PhraseStops),
        RelativePronouns = CueFile.MergeList(a.RelativePronouns, b.RelativePronouns),
        NameParticles = CueFile.MergeList(a.NameParticles, b.NameParticles),
        Titles = CueFile.MergeList(a.Titles, b.Titles),
        Organisations = CueFile.MergeMap(a.Organisations, b.Organisations),
        Months = CueFile.MergeMap(a.Months, b.Months),
        Weekdays = CueFile.MergeMap(a.Weekdays, b.Weekdays),
        RelativeDays = CueFile.MergeMap(a.RelativeDays, b.RelativeDays),
        Multipliers = CueFile.MergeMap(a.Multipliers, b.Multipliers),
        NumberWords = CueFile.MergeMap(a.NumberWords, b.NumberWords),
        Units = CueFile.MergeMap(a.Units, b.Units),
        PrefixUnits = CueFile.MergeMap(a.PrefixUnits, b.PrefixUnits),
        RangeConnectors = CueFile.MergeList(a.RangeConnectors, b.RangeConnectors),
        RangePairs = CueFile.MergeMap(a.RangePairs, b.RangePairs),
        NotFigureBefore = CueFile.MergeList(a.NotFigureBefore, b.NotFigureBefore),
        TimeSuffixes = CueFile.MergeList(a.TimeSuffixes, b.TimeSuffixes),
        OrdinalSuffixes = CueFile.MergeList(a.OrdinalSuffixes, b.OrdinalSuffixes),
        DenialCues = CueFile.MergeList(a.DenialCues, b.DenialCues),
        DisputeCues = CueFile.MergeList(a.DisputeCues, b.DisputeCues),
        ReciprocalCues = CueFile.MergeList(a.ReciprocalCues, b.ReciprocalCues),
        Anaphors = CueFile.MergeList(a.Anaphors, b.Anaphors),
        Complementisers = CueFile.MergeList(a.Complementisers, b.Complementisers),
        AccusationVerbs = CueFile.MergeList(a.AccusationVerbs, b.AccusationVerbs),
        EventVerbs = CueFile.MergeList(a.EventVerbs, b.EventVerbs),
        Locatives = CueFile.MergeList(a.Locatives, b.Locatives),
        ReferringNouns = CueFile.MergeList(a.ReferringNouns, b.ReferringNouns),
        NamingPhrases = CueFile.MergeList(a.NamingPhrases, b.NamingPhrases),
        SourcePassives = CueFile.MergeList(a.SourcePassives, b.SourcePassives),
        Auxiliaries = CueFile.MergeList(a.Auxiliaries, b.Auxiliaries),
        VerbPrefixes = CueFile.MergeList(a.VerbPrefixes, b.VerbPrefixes),
        InstitutionWords = CueFile.MergeList(a.InstitutionWords, b.InstitutionWords),
        OtherWords = CueFile.MergeList(a.OtherWords, b.OtherWords),
        PlaceLeads = CueFile.MergeList(a.PlaceLeads, b.PlaceLeads),
        TallyNouns = CueFile.MergeMap(a.TallyNouns, b.TallyNouns),
        PlaceWords = CueFile.MergeList(a.PlaceWords, b.PlaceWords),
        NamedDays = CueFile.MergeMap(a.NamedDays, b.NamedDays),
        AttributedDenials = CueFile.MergeMap(a.AttributedDenials, b.AttributedDenials),
        ExistenceDenials = CueFile.MergeList(a.ExistenceDenials, b.ExistenceDenials),
        CommonVerbs = CueFile.MergeList(a.CommonVerbs, b.CommonVerbs),
        Honorifics = CueFile.MergeList(a.Honorifics, b.Honorifics),
        HeadTitles = CueFile.MergeList(a.HeadTitles, b.HeadTitles),
        PlaceTitles = CueFile.MergeList(a.PlaceTitles, b.PlaceTitles),
        Occasions = CueFile.MergeList(a.Occasions, b.Occasions),
        PostNouns = CueFile.MergeList(a.PostNouns, b.PostNouns),
        Quantifiers = CueFile.MergeList(a.Quantifiers, b.Quantifiers),
        Demonstratives = CueFile.MergeList(a.Demonstratives, b.Demonstratives),
        PluralPronouns = CueFile.MergeList(a.PluralPronouns, b.PluralPronouns),
        ContrastMarkers = CueFile.MergeList(a.ContrastMarkers, b.ContrastMarkers),
        CorrectionMarkers = CueFile.MergeList(a.CorrectionMarkers, b.CorrectionMarkers),
        ScopeWords = CueFile.MergeList(a.ScopeWords, b.ScopeWords),
        NegationWords = CueFile.MergeList(a.NegationWords, b.NegationWords),
        DurationUnits = CueFile.MergeList(a.DurationUnits, b.DurationUnits),
        Classifiers = CueFile.MergeList(a.Classifiers, b.Classifiers),
        ComplaintVerbs = CueFile.MergeList(a.ComplaintVerbs, b.ComplaintVerbs),
        ClaimVerbs = CueFile.MergeList(a.ClaimVerbs, b.ClaimVerbs),
        SourceNouns = CueFile.MergeList(a.SourceNouns, b.SourceNouns),
        BackReferences = CueFile.MergeList(a.BackReferences, b.BackReferences),
        Presentatives = CueFile.MergeList(a.Presentatives, b.Presentatives),
        RateSuffixes = CueFile.MergeMap(a.RateSuffixes, b.RateSuffixes),
        CasualtyVerbs = CueFile.MergeMap(a.CasualtyVerbs, b.CasualtyVerbs),
        ClaimNouns = CueFile.MergeMap(a.ClaimNouns, b.ClaimNouns),
    };

    public void Validate(string source, string path)
    {
        CueFile.Require(DecimalSeparator is null or "," or ".", source, $"{path}.decimalSeparator must be \",\" or \".\"");
        foreach (var (word, kind) in Organisations ?? [])
        {
            CueFile.Require(ClaimRules.ClaimantKinds.Contains(kind), source,
                $"{path}.organisations.{word} is \"{kind}\", not one of {string.Join(", ", ClaimRules.ClaimantKinds)}");
        }

        foreach (var (word, month) in Months ?? [])
        {
            CueFile.Require(month is >= 1 and <= 12, source, $"{path}.months.{word} must be 1 to 12");
        }

        foreach (var (word, day) in Weekdays ?? [])
        {
            CueFile.Require(Enum.TryParse<DayOfWeek>(day, ignoreCase: true, out _), source, $"{path}.weekdays.{word} is \"{day}\", not an English day name");
        }

        foreach (var (word, factor) in Multipliers ?? [])
        {
            CueFile.Require(factor > 0 && double.IsFinite(factor), source, $"{path}.multipliers.{word} must be a positive number");
        }

        foreach (var (word, unit) in (Units ?? []).Concat(PrefixUnits ?? []))
        {
            CueFile.Require(!string.IsNullOrWhiteSpace(word) && !string.IsNullOrWhiteSpace(unit), source, $"{path}.units: \"{word}\" needs a unit name");
        }

        foreach (var list in new[] { StopWords, Connectors, PreVerbs, PostVerbs, Titles, DenialCues, DisputeCues, ReciprocalCues, EventVerbs })
        {
            CueFile.Require(list is null || list.TrueForAll(entry => !string.IsNullOrWhiteSpace(entry)), source, $"{path} has an empty cue word");
        }
    }
}
