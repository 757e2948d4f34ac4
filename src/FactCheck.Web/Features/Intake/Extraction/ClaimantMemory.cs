namespace FactCheck.Web.Features.Intake.Extraction;

/// What the article has said so far about who is speaking: the full names of the people it has named (so "Presiden
/// Rouhani" reads as Hassan Rouhani, "the lawyer" as the lawyer named before), the organisations that have spoken (so
/// "the military" reads as "Israel's military", "the party" as the party that spoke last), the acronyms it spelled
/// out ("Badan … (BPBD) Luwu Utara" makes "BPBD" that name) and the last speakers (so "Dia" is the last person,
/// "Mereka" the last group, "the statement" the last organisation). One per extraction.
internal sealed class ClaimantMemory
{
    private readonly List<NamePhrase> people = [];
    private readonly List<CandidateClaimant> bodies = [];
    private readonly List<CandidateClaimant> named = [];
    private readonly Dictionary<string, string> acronyms = new(StringComparer.Ordinal);
    private CandidateClaimant? lastPerson;

    public CandidateClaimant? Last { get; private set; }

    private CandidateClaimant? LastBody => bodies.Count > 0 ? bodies[^1] : null;

    public void Remember(NamePhrase person)
    {
        if (person is not { IsPerson: true, RoleOnly: false, NameWords: >= 2 })
        {
            return;
        }

        var seen = people.FindIndex(p => string.Equals(p.Name, person.Name, StringComparison.OrdinalIgnoreCase));
        if (seen < 0)
        {
            people.Add(person);
        }
        else if (people[seen].Affiliation is null)
        {
            people[seen] = person;
        }
    }

    /// "Komisi Pemilihan Umum (KPU) Kota Palu": KPU stands for "Komisi Pemilihan Umum Kota Palu" from here on.
    public void LearnAcronyms(string text, List<Token> tokens, LanguageCues cues)
    {
        for (var k = 1; k + 2 < tokens.Count; k++)
        {
            if (tokens[k].Text != "(" || !ClaimantNames.IsAbbreviation(tokens[k + 1]) || tokens[k + 2].Text != ")" || acronyms.ContainsKey(tokens[k + 1].Text))
            {
                continue;
            }

            var start = k;
            while (start > 0 && k - start < 10 && (tokens[start - 1].IsCapitalised || tokens[start - 1].Text == ","
                   || (tokens[start - 1].IsWord && cues.NameParticles.Contains(tokens[start - 1].Key))))
            {
                start--;
            }

            while (start < k && (!tokens[start].IsCapitalised || cues.Determiners.Contains(tokens[start].Key) || cues.Quantifiers.TryMatch(tokens, start, out _)
                   || cues.Connectors.TryMatch(tokens, start, out _) || cues.Pronouns.Contains(tokens[start].Key)))
            {
                start++;
            }

            while (start < k && cues.Titles.TryMatch(tokens, start, out var title) && title.End < k)
            {
                start = title.End;
            }

            var end = k + 3;
            while (end < tokens.Count && end - k < 8 && tokens[end].IsCapitalised && !cues.Weekdays.ContainsKey(tokens[end].Key) && !cues.Months.ContainsKey(tokens[end].Key))
            {
                end++;
            }

            if (start < k)
            {
                var after = end > k + 3 ? " " + ClaimantNames.Span(text, tokens, k + 3, end) : "";
                acronyms[tokens[k + 1].Text] = ClaimantNames.Span(text, tokens, start, k) + after;
            }
        }
    }

    public CandidateClaimant? Resolve(Attribution attribution, LanguageCues cues)
    {
        if (attribution.Pronoun)
        {
            var key = attribution.PronounKey ?? "";
            var meant = cues.PluralPronouns.Contains(key) || key == "it" ? LastBody ?? Last : lastPerson ?? Last;
            return meant is null ? null : meant with { Cue = attribution.Cue, Inferred = true };
        }

        var claimant = Mention(attribution.Name!, attribution.Cue, cues, onlyKnown: false);
        if (claimant is null)
        {
            return null;
        }

        Last = claimant;
        if (claimant.Kind == "person")
        {
            lastPerson = claimant;
        }
        else
        {
            bodies.RemoveAll(b => string.Equals(b.Name, claimant.Name, StringComparison.OrdinalIgnoreCase));
            bodies.Add(claimant);
        }

        return claimant;
    }

    /// An organisation named as the object of a claim ("Residents accused Thames Water of …"), so that "the company"
    /// later reads as it; not a speaker, so neither Last nor the latest body changes order when it was known.
    public void Register(NamePhrase body)
    {
        if (body is { IsPerson: false, Kind: not "source" } && !named.Exists(b => string.Equals(b.Name, body.Name, StringComparison.OrdinalIgnoreCase)))
        {
            named.Add(new CandidateClaimant(body.Name, body.Kind, body.Affiliation, "", false));
        }
    }

    /// Who a phrase names, without taking it as the latest speaker ("the lawyer's claims", "the union's figures").
    public CandidateClaimant? Find(NamePhrase name, LanguageCues cues) => Mention(name, "", cues, onlyKnown: true);

    private CandidateClaimant? Mention(NamePhrase name, string cue, LanguageCues cues, bool onlyKnown)
    {
        if (name.Kind == "source")
        {
            return LastBody is { } author ? author with { Cue = cue, Inferred = true } : null;
        }

        name = Expanded(name);
        if (name is { IsPerson: true, RoleOnly: false, NameWords: 1 } && bodies.FindLast(b => string.Equals(b.Name, name.Name, StringComparison.OrdinalIgnoreCase)) is { } sameBody)
        {
            return sameBody with { Cue = cue, Inferred = true };
        }

        if (name is { IsPerson: true, RoleOnly: false, NameWords: 1 } && Known(name.Name) is { } known)
        {
            return new CandidateClaimant(known.Name, known.Kind, known.Affiliation ?? name.Affiliation, cue, true);
        }

        if (name is { IsPerson: true, RoleOnly: true } && name.Name.Split(' ').Length <= 3 && people.FindLast(p => Holds(p.Affiliation, Head(name.Name, cues)) && Holds(p.Affiliation, Modifiers(name.Name, cues))) is { } holder)
        {
            return new CandidateClaimant(holder.Name, holder.Kind, holder.Affiliation, cue, true);
        }

        if (name is { IsPerson: false } && !name.Name.Contains(' ', StringComparison.Ordinal))
        {
            var body = bodies.FindLast(b => SameHead(b.Name, name.Name) || Holds(b.Affiliation, name.Name));
            if (body is null && cues.ReferringNouns.Contains(Tokenizer.KeyOf(name.Name)))
            {
                // "the company", "the party": the organisation that spoke last, not a group of people, else one named before.
                body = bodies.FindLast(b => IsProperName(b.Name, cues)) ?? named.FindLast(b => IsProperName(b.Name, cues));
            }

            if (body is not null)
            {
                return body with { Cue = cue, Inferred = true };
            }
        }

        if (onlyKnown)
        {
            return bodies.FindLast(b => string.Equals(b.Name, name.Name, StringComparison.OrdinalIgnoreCase))
                ?? (people.Find(p => string.Equals(p.Name, name.Name, StringComparison.OrdinalIgnoreCase)) is { } person ? new CandidateClaimant(person.Name, person.Kind, person.Affiliation, cue, true) : null);
        }

        Remember(name);
        return new CandidateClaimant(name.Name, name.Kind, name.Affiliation, cue, false);
    }

    /// "KPU Kota Palu" and "BPBD" with the names the article spelled out for them.
    private NamePhrase Expanded(NamePhrase name)
    {
        var parts = name.Name.Split(' ', 2);
        if (!acronyms.TryGetValue(parts[0], out var full))
        {
            return name;
        }

        var rest = parts.Length > 1 ? parts[1] : "";
        var expanded = rest.Length == 0 || full.EndsWith(" " + rest, StringComparison.OrdinalIgnoreCase) ? full : $"{full} {rest}";
        if (people.Find(p => string.Equals(p.Name, expanded, StringComparison.OrdinalIgnoreCase)) is { } person)
        {
            return person;
        }

        return name with { Name = expanded, IsPerson = false, RoleOnly = false, Kind = name.Kind == "person" ? "other" : name.Kind, NameWords = expanded.Split(' ').Length };
    }

    /// "Military" is the head of "Israel's military"; "Unggahan" of "Unggahan di Facebook" (Indonesian puts it first).
    private static bool SameHead(string known, string word) =>
        !string.Equals(known, word, StringComparison.OrdinalIgnoreCase)
        && (known.EndsWith(" " + word, StringComparison.OrdinalIgnoreCase) || known.StartsWith(word + " ", StringComparison.OrdinalIgnoreCase));

    /// "Thames Water", "MediSure", "Democratic Renewal Congress": every word capitalised, and not a common noun alone.
    private static bool IsProperName(string name, LanguageCues cues)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.All(w => char.IsUpper(w[0]) || cues.NameParticles.Contains(Tokenizer.KeyOf(w)))
            && !(words.Length == 1 && cues.Organisations.TryMatch(Tokenizer.Tokenize(name), 0, out _));
    }

    /// "Wali kota" of "Wali kota itu", "mayor" of "the city's mayor": the office a role phrase names.
    private static string Head(string role, LanguageCues cues)
    {
        var tokens = Tokenizer.Tokenize(role);
        for (var k = 0; k < tokens.Count; k++)
        {
            if (cues.Titles.TryMatch(tokens, k, out var title) && (cues.UnitHeadFirst || title.End == tokens.Count || tokens[title.End].IsPunct))
            {
                return string.Join(' ', tokens.Skip(k).Take(title.Count).Select(t => t.Text));
            }
        }

        return role;
    }

    /// The words of a role phrase that narrow the office ("transport" of "The transport secretary"): a role resolves to a
    /// person only when their office holds these too, so the transport secretary is not the union's general secretary.
    /// Determiners, demonstratives, pronouns and possessors ("the city's mayor") narrow nothing.
    private static string Modifiers(string role, LanguageCues cues) =>
        string.Join(' ', Tokenizer.Tokenize(role).Where(t => t.IsWord && !t.Key.EndsWith("'s", StringComparison.Ordinal) && !t.Key.EndsWith("’s", StringComparison.Ordinal)
            && !cues.Determiners.Contains(t.Key) && !cues.Demonstratives.Contains(t.Key) && !cues.Pronouns.Contains(t.Key) && !cues.StopWords.Contains(t.Key)).Select(t => t.Text));

    /// "lawyer" is held by "Their lawyer"; "group" by "A group".
    private static bool Holds(string? affiliation, string words)
    {
        if (affiliation is null)
        {
            return false;
        }

        var held = affiliation.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(w => held.Contains(w, StringComparer.OrdinalIgnoreCase));
    }

    /// The latest person whose surname is this word, else whose given name is ("Rouhani", then "Rahmat").
    private NamePhrase? Known(string word)
    {
        NamePhrase? byGivenName = null;
        for (var i = people.Count - 1; i >= 0; i--)
        {
            var parts = people[i].Name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (string.Equals(parts[^1], word, StringComparison.OrdinalIgnoreCase))
            {
                return people[i];
            }

            if (byGivenName is null && parts.Any(p => string.Equals(p, word, StringComparison.OrdinalIgnoreCase)))
            {
                byGivenName = people[i];
            }
        }

        return byGivenName;
    }
}
