namespace FactCheck.Web.Features.Intake.Extraction;

/// What the article has said so far about who is speaking: the full names of the people it has named (so "Presiden
/// Rouhani" reads as Hassan Rouhani), the organisations that have spoken (so "the military" reads as "Israel's
/// military" said earlier) and the last claimant (so "Dia", "He" read as that claimant). One per extraction.
internal sealed class ClaimantMemory
{
    private readonly List<NamePhrase> people = [];
    private readonly List<CandidateClaimant> bodies = [];

    public CandidateClaimant? Last { get; private set; }

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

    public CandidateClaimant? Resolve(Attribution attribution)
    {
        if (attribution.Pronoun)
        {
            return Last is null ? null : Last with { Cue = attribution.Cue, Inferred = true };
        }

        var name = attribution.Name!;
        CandidateClaimant claimant;
        if (name is { IsPerson: true, RoleOnly: false, NameWords: 1 } && Known(name.Name) is { } known)
        {
            claimant = new CandidateClaimant(known.Name, known.Kind, known.Affiliation ?? name.Affiliation, attribution.Cue, true);
        }
        else if (name is { IsPerson: false, NameWords: 1 } && bodies.FindLast(b => SameHead(b.Name, name.Name)) is { } body)
        {
            claimant = body with { Cue = attribution.Cue, Inferred = true };
        }
        else
        {
            Remember(name);
            claimant = new CandidateClaimant(name.Name, name.Kind, name.Affiliation, attribution.Cue, false);
            if (!name.IsPerson)
            {
                bodies.Add(claimant);
            }
        }

        Last = claimant;
        return claimant;
    }

    /// "Military" is the head of "Israel's military"; "Pemerintah" of "Pemerintah Armenia" is not (the head comes first).
    private static bool SameHead(string known, string word) =>
        !string.Equals(known, word, StringComparison.OrdinalIgnoreCase)
        && known.EndsWith(" " + word, StringComparison.OrdinalIgnoreCase);

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
