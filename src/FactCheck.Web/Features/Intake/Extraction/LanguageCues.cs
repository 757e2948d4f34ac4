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
        ReferringNouns = Words(file.ReferringNouns);
        NamingPhrases = PhraseSet.Of(file.NamingPhrases);
        SourcePassives = PhraseSet.Of(file.SourcePassives);
        NumberPhrases = PhraseSet.Of(file.NumberWords);
        Auxiliaries = Words(file.Auxiliaries);
        verbPrefixes = [.. (file.VerbPrefixes ?? []).Select(p => Tokenizer.KeyOf(p.Trim())).Where(p => p.Length > 0)];
        InstitutionWords = Words(file.InstitutionWords);
        OtherWords = Words(file.OtherWords);
        PlaceLeads = PhraseSet.Of(file.PlaceLeads);
        TallyNouns = PhraseSet.Of(file.TallyNouns);
        PlaceWords = Words(file.PlaceWords);
        NamedDays = PhraseSet.Of(file.NamedDays);
        AttributedDenials = PhraseSet.Of(file.AttributedDenials);
        ExistenceDenials = PhraseSet.Of(file.ExistenceDenials);
        CommonVerbs = Words(file.CommonVerbs);
        Honorifics = PhraseSet.Of(file.Honorifics);
        HeadTitles = PhraseSet.Of(file.HeadTitles);
        PlaceTitles = PhraseSet.Of(file.PlaceTitles);
        Occasions = PhraseSet.Of(file.Occasions);
        PostNouns = PhraseSet.Of(file.PostNouns);
        Quantifiers = PhraseSet.Of(file.Quantifiers);
        vocabulary = new HashSet<string>(StringComparer.Ordinal);
        foreach (var list in new IEnumerable<string>?[]
        {
            file.StopWords, file.Connectors, file.Determiners, file.Pronouns, file.PreVerbs, file.PostVerbs, file.PronounPostVerbs, file.PassiveCues, file.AccordingTo,
            file.SubjectSkip, file.PhraseStops, file.Titles, file.Organisations?.Keys, file.Months?.Keys, file.Weekdays?.Keys, file.Units?.Keys, file.Multipliers?.Keys,
            file.NumberWords?.Keys, file.DenialCues, file.EventVerbs, file.Auxiliaries, file.NegationWords, file.DurationUnits, file.Quantifiers, file.ContrastMarkers,
        })
        {
            foreach (var phrase in list ?? [])
            {
                var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length == 1 && words[0].Length >= 2 && words[0].Any(char.IsLetter))
                {
                    vocabulary.Add(Tokenizer.KeyOf(words[0]));
                }
            }
        }
        Demonstratives = Words(file.Demonstratives);
        PluralPronouns = Words(file.PluralPronouns);
        ContrastMarkers = PhraseSet.Of(file.ContrastMarkers);
        CorrectionMarkers = PhraseSet.Of(file.CorrectionMarkers);
        ScopeWords = Words(file.ScopeWords);
        NegationWords = Words(file.NegationWords);
        DurationUnits = PhraseSet.Of(file.DurationUnits);
        Classifiers = Words(file.Classifiers);
        ComplaintVerbs = PhraseSet.Of(file.ComplaintVerbs);
        ClaimVerbs = PhraseSet.Of(file.ClaimVerbs);
        SourceNouns = PhraseSet.Of(file.SourceNouns);
        BackReferences = PhraseSet.Of(file.BackReferences);
        Presentatives = Words(file.Presentatives);
        RateSuffixes = PhraseSet.Of(file.RateSuffixes);
        CasualtyVerbs = PhraseSet.Of(file.CasualtyVerbs);
        ClaimNouns = Map(file.ClaimNouns);
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
    /// "was", "has", "telah", "akan": a phrase holding one outside a relative clause is a clause, not a speaker's name.
    public HashSet<string> Auxiliaries { get; }

    private readonly string[] verbPrefixes;

    /// An Indonesian verb by its shape ("menimbulkan", "dilaporkan", "berjualan"): a prefix from the cue data and at
    /// least four letters after it. Titles and organisation words are checked before this ("menteri" is a title).
    public bool IsVerbShaped(string key)
    {
        foreach (var prefix in verbPrefixes)
        {
            if (key.Length >= prefix.Length + 4 && key.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// Capitalised words of institutions' names ("Kesehatan", "Pemilihan", "Affairs"): not a person's name after a title.
    public HashSet<string> InstitutionWords { get; }

    /// "112 lainnya", "21 others": a count of the same kind as the figure before it.
    public HashSet<string> OtherWords { get; }

    /// Words between a locative and its place ("di depan Kantor Bupati", "in the town of Galle").
    public PhraseSet<bool> PlaceLeads { get; }

    /// "the death toll … rose to 21,000": what a bare number later in the clause counts.
    public PhraseSet<string> TallyNouns { get; }

    /// "Kabupaten", "Desa", "Sungai": Indonesian puts them before an area's name.
    public HashSet<string> PlaceWords { get; }

    /// "Christmas", "Natal": a day of the year written by its name ("MM-DD").
    public PhraseSet<string> NamedDays { get; }

    /// "false", "misleading", "hoaks": a denial ("denies") or a dispute only when someone is said to say it; in the
    /// paper's own voice it is the outlet's verdict, not a claim.
    public PhraseSet<string> AttributedDenials { get; }

    /// "tidak ada", "there was no": said by someone, it may deny what another claimed happened (when it shares enough
    /// words with that claim: the linker decides).
    public PhraseSet<bool> ExistenceDenials { get; }

    /// "found", "rose", "remain": verbs that end a run of nouns after a number ("1,200 commuters found …").
    public HashSet<string> CommonVerbs { get; }

    /// "Dr.", "Haji", "Cllr": titles of courtesy, never a person's affiliation on their own.
    public PhraseSet<bool> Honorifics { get; }

    /// "Kepala", "Ketua", "head": titles of someone heading a body; one capitalised word after them is the body
    /// ("Kepala Bapanas"), not a person's name.
    public PhraseSet<bool> HeadTitles { get; }

    /// "Wali Kota", "Bupati", "Kapolda": offices of a place, named right after them ("Wali Kota Bogor Dedi Kusuma").
    public PhraseSet<bool> PlaceTitles { get; }

    /// "konferensi pers", "the hearing": an occasion a later sentence can date itself by ("dalam konferensi pers itu").
    public PhraseSet<bool> Occasions { get; }

    /// "unggahan", "video", "post": what circulates online. As a speaker it is a group ("other"), and what it says is a
    /// claim ("klaim itu" after it points at it).
    public PhraseSet<bool> PostNouns { get; }

    /// "the party", "perusahaan itu": a noun that names a kind of organisation and, alone, points back at one named earlier.
    public HashSet<string> ReferringNouns { get; }

    /// "calling itself", "menamakan diri": the name follows ("A group calling itself NullHarbor" is NullHarbor).
    public PhraseSet<bool> NamingPhrases { get; }

    /// "Dalam unggahan itu disebutkan": the source stands before the passive verb.
    public PhraseSet<bool> SourcePassives { get; }

    /// The number words as phrases ("dua belas", "a dozen").
    public PhraseSet<int> NumberPhrases { get; }

    /// "sekelompok", "a group of", "two": dropped from the start of a group claimant ("Sekelompok pedagang" is "pedagang").
    public PhraseSet<bool> Quantifiers { get; }
    public HashSet<string> Demonstratives { get; }
    public HashSet<string> PluralPronouns { get; }
    public PhraseSet<bool> ContrastMarkers { get; }
    public PhraseSet<bool> CorrectionMarkers { get; }

    /// "nasional", "rata-rata", "national average": a figure for the whole, which a local figure does not contradict.
    public HashSet<string> ScopeWords { get; }
    public HashSet<string> NegationWords { get; }
    public PhraseSet<bool> DurationUnits { get; }
    public HashSet<string> Classifiers { get; }
    public PhraseSet<bool> ComplaintVerbs { get; }
    public PhraseSet<bool> ClaimVerbs { get; }
    public PhraseSet<bool> SourceNouns { get; }
    public PhraseSet<bool> BackReferences { get; }
    public HashSet<string> Presentatives { get; }
    public PhraseSet<string> RateSuffixes { get; }
    public PhraseSet<string> CasualtyVerbs { get; }

    /// What a noun names when it points back at a claim: "tuduhan", "accusation" an accusation; "klaim" a claim;
    /// "keluhan" a complaint; "figures" a figure; "account", "report", "statement" any claim.
    public Dictionary<string, string> ClaimNouns { get; }

    private readonly HashSet<string> vocabulary;

    /// Whether the cue data knows the word in this language at all (a function word, a verb of saying, a title, a unit…).
    public bool Knows(string key) => vocabulary.Contains(key);

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
