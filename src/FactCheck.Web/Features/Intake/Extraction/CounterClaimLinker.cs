namespace FactCheck.Web.Features.Intake.Extraction;

/// From answers To (its figure claim ToFigure when To has several): relation "denies" or "disputes", Cue the words.
internal sealed record UnitLink(SentenceFacts From, SentenceFacts To, int ToFigure, string Relation, string Cue);

/// The links, and for each counter-claim left without one the reason, as the card shows it.
internal sealed record Linking(List<UnitLink> Links, Dictionary<SentenceFacts, string> Unlinked);

/// Links each denial or dispute to the claim it answers, precision first: a wrong link tells a fact-checker that one
/// party denied something it never addressed, so when the target is not found with confidence there is no link and
/// the candidate says why. Only earlier claims by someone else that are not themselves answers are targets.
/// 1. A contrast clause ("…, but Y said …") answers its sentence's first clause, unless both give figures of
///    unrelated things (two measures, no shared word): then neither answers the other.
/// 2. A possessive names whose claim ("the lawyer's claims", "the union's figures"): the first claim of that speaker's
///    latest run (their first figure for "figures").
/// 3. An anaphor of a kind ("tuduhan itu", "keluhan tersebut", "the claim") resolves to the nearest claim made with a
///    verb of that kind (menuduh, mengeluhkan, claimed); an accusation or complaint without one is left unlinked.
/// 4. Otherwise the claim whose speaker the answer names (two words of the name), else the one among the last five
///    that shares most words with the answer and the same speaker's next sentences, else the claim right before it
///    when that speaker made only that one claim. Anything else: no link.
/// Without a denial or dispute word, a sentence answers an earlier one (disputes) when it gives another figure for the
/// same thing with a correcting word ("sebenarnya", "only") or after "However,"; or when the accused party replies
/// with a figure, a negation or a correction ("Manajemen perusahaan …, namun menyebut jumlahnya hanya 640 orang").
internal static partial class CounterClaimLinker
{
    private const int Window = 5;

    /// units: the proposed claims; read: every sentence read (the proposed ones and the rest), default units.
    public static Linking Link(List<SentenceFacts> units, LanguageCues cues, IReadOnlyList<SentenceFacts>? read = null)
    {
        var linking = new Linking([], []);
        for (var i = 0; i < units.Count; i++)
        {
            var unit = units[i];
            var earlier = Earlier(units, i);
            if (unit.Counter is { Reciprocal: true })
            {
                linking.Unlinked[unit] = "The sides blame each other: it answers no single claim, so no link is proposed.";
                continue;
            }

            if (unit.ContrastOf is { } first && units.Contains(first))
            {
                if (Shared(unit, first) == 0 && unit.Figures.Count > 0 && first.Figures.Count > 0)
                {
                    continue;
                }

                // A national average against one market's price: different scopes, neither answers the other.
                if (unit.Counter is null && Scoped(unit, cues) != Scoped(first, cues))
                {
                    continue;
                }

                var marker = cues.ContrastMarkers.TryMatch(unit.Tokens, 0, out _) ? unit.Tokens[0].Text : first.Tokens[0].Text;
                unit.Counter ??= new CueHit(marker, "disputes", false);
                linking.Links.Add(new UnitLink(unit, first, 0, unit.Counter.Relation, unit.Counter.Words));
                continue;
            }

            if (unit.Counter is { } counter)
            {
                var (target, figure, why) = Target(units, i, earlier, cues, read ?? units);
                if (target is not null)
                {
                    linking.Links.Add(new UnitLink(unit, target, figure, counter.Relation, counter.Words));
                }
                else
                {
                    linking.Unlinked[unit] = why!;
                }

                continue;
            }

            // "…memastikan tidak ada banjir bandang di Cikajang": denies what someone else said happened, when it shares
            // at least two words with it.
            // In a debunk, "there had been no deaths at all" answers the post that claimed them, whatever its words.
            if (unit.DeniesExistence is { } denial && unit.Claimant is not null && !(i > 0 && SameClaimant(units[i - 1].Claimant, unit.Claimant))
                && (earlier.Take(Window).Where(e => e.Claimant is not null).Select(e => (Unit: e, Shared: Shared(unit, e))).Where(e => e.Shared >= 2)
                    .OrderByDescending(e => e.Shared).Select(e => e.Unit).FirstOrDefault() ?? earlier.Take(Window).FirstOrDefault(e => e.VerbKind == "claim" && e.Figures.Count > 0)) is { } denied)
            {
                unit.Counter = new CueHit(denial, "denies", false);
                linking.Links.Add(new UnitLink(unit, denied, 0, "denies", denial));
                continue;
            }

            if (Implicit(unit, earlier, units, i, cues) is var (answered, words, relation))
            {
                unit.Counter = new CueHit(words, relation, false);
                linking.Links.Add(new UnitLink(unit, answered, 0, relation, words));
            }
        }

        return linking;
    }

    /// Earlier claims by someone else that are not answers themselves, nearest first.
    private static List<SentenceFacts> Earlier(List<SentenceFacts> units, int i)
    {
        var unit = units[i];
        var found = new List<SentenceFacts>();
        for (var j = i - 1; j >= 0 && unit.Sentence.Index - units[j].Sentence.Index <= 15; j--)
        {
            if (units[j].Counter is null && !SameClaimant(unit.Claimant, units[j].Claimant))
            {
                found.Add(units[j]);
            }
        }

        return found;
    }

    private static (SentenceFacts? Target, int Figure, string? Why) Target(List<SentenceFacts> units, int i, List<SentenceFacts> earlier, LanguageCues cues, IReadOnlyList<SentenceFacts> read)
    {
        var unit = units[i];
        var reference = unit.Reference;
        if (earlier.Count == 0)
        {
            return (null, 0, "It answers a claim the article does not state before it, so no link is proposed.");
        }

        // "the villagers' accusation", "the union's claim": an owner that is no name resolves only to the one earlier
        // speaker whose name holds those words. An owner nobody before spoke of at all cannot be told, and guessing is
        // worse; one an earlier claim speaks of ("the army's account" after "officials said the army shelled …") is
        // left to the words the claims share.
        var possessor = reference?.Possessor;
        if (reference is { Possessor: null, OwnerWords: { } ownerWords })
        {
            possessor = GroupOwner(earlier, ownerWords, cues);
            if (possessor is null && !earlier.Exists(e => Stems(ownerWords, cues) is { Count: > 0 } stems && stems.All(e.ContentWords.Contains)))
            {
                return (null, 0, $"It answers {reference.Words}, but no earlier claim by {ownerWords} was found, so no link is proposed.");
            }
        }

        if (reference is not null && possessor is { } owner)
        {
            var latest = earlier.Find(e => e.Claimant?.Name == owner);
            if (latest is null)
            {
                return (null, 0, $"It answers {reference.Words}, but no earlier claim by {owner} was found, so no link is proposed.");
            }

            var head = units.IndexOf(latest);
            while (head > 0 && units[head - 1].Counter is null && (units[head - 1].Claimant is null || units[head - 1].Claimant!.Name == owner))
            {
                head--;
            }

            var run = units.Skip(head).Take(units.IndexOf(latest) - head + 1).Where(u => u.Claimant?.Name == owner).ToList();
            if (reference.Restated && !run.Exists(u => Shared(unit, u) > 0))
            {
                return (null, 0, $"It answers {reference.Words}, but what it says was claimed is not what {owner} said before it, so no link is proposed.");
            }

            return reference.Kind == "figure" && run.Find(u => u.Figures.Count > 0) is { } counted ? (counted, 0, null) : (run[0], 0, null);
        }

        if (reference is { Kind: "accusation" or "complaint" or "claim" })
        {
            // A complaint accuses and an accusation complains: either answers "tuduhan itu" and "keluhan tersebut".
            string[] kinds = reference.Kind switch { "accusation" => ["accusation", "complaint"], "complaint" => ["complaint", "accusation"], _ => ["claim", "accusation"] };
            foreach (var kind in kinds)
            {
                if (earlier.Find(e => e.VerbKind == kind) is { } match)
                {
                    // Never across an unrelated one: a nearer sentence of that kind that was not proposed (an accuser
                    // the reader missed) may be the one answered.
                    var skipped = read.FirstOrDefault(r => r.VerbKind == kind && r.Sentence.Index > match.Sentence.Index && r.Sentence.Index < unit.Sentence.Index
                        && !units.Contains(r) && r.Counter is null && !SameClaimant(r.Claimant, unit.Claimant));
                    return skipped is null
                        ? (FirstOfItsKind(units, match), 0, null)
                        : (null, 0, $"It answers {reference.Words}, but the nearest {reference.Kind} before it is not among the proposed claims, so no link is proposed.");
                }
            }

            // "Riverton Water Works dismissed the allegations" after homeowners said Riverton Water Works overbilled them:
            // the nearest claim that names the one answering is what they were accused of.
            if (reference.Kind is "accusation" or "complaint" && Naming(earlier, unit, cues) is { } accusing)
            {
                return (accusing, 0, null);
            }

            if (OnlySpeaker(earlier) is { } only)
            {
                return (only, 0, null);
            }

            if (reference.Kind != "claim")
            {
                return (null, 0, $"It answers {reference.Words}, but no earlier {reference.Kind} by someone else was found, so no link is proposed.");
            }
        }

        // "the figures", "angka itu": the latest figures someone else gave.
        if (reference is { Kind: "figure" } && earlier.Take(Window).FirstOrDefault(e => e.Figures.Count > 0 && e.Claimant is not null) is { } figures)
        {
            return (figures, 0, null);
        }

        var named = earlier.Where(e => e.Claimant is not null && NameStems(e.Claimant, cues) is var stems && Overlap(stems, unit.ContentWords) is var shared && shared >= 2 && shared * 5 >= stems.Count * 2).ToList();
        if (named.Count > 0)
        {
            return (named.Find(e => e.Accuses) ?? named[^1], 0, null);
        }

        var words = new HashSet<string>(unit.ContentWords, StringComparer.Ordinal);
        for (var j = i + 1; j < units.Count && j <= i + 2 && SameClaimant(units[j].Claimant, unit.Claimant); j++)
        {
            words.UnionWith(units[j].ContentWords);
        }

        var best = earlier.Take(Window).Select((e, order) => (Unit: e, Shared: Overlap(e.ContentWords, words), order)).OrderByDescending(e => e.Shared).ThenBy(e => e.order).First();
        if (best.Shared > 0)
        {
            return (best.Unit, 0, null);
        }

        // "rejected the claim that …" right after the only claim its speaker made: that claim.
        // "the report", "membantahnya": when someone else made just one claim before, that claim (several claims by them,
        // and "that account" could mean any of them).
        if (reference is not null && OnlySpeaker(earlier) is { } speaker && earlier.Take(Window).Count(e => e.Claimant is not null) == 1)
        {
            return (speaker, 0, null);
        }

        var before = earlier[0];
        var alone = before.Claimant is not null && units.Count(u => SameClaimant(u.Claimant, before.Claimant) && units.IndexOf(u) < i) == 1;
        var statesIt = unit.Tokens.Exists(t => t.IsWord && cues.Complementisers.Contains(t.Key));
        if (reference is null && statesIt && alone && before.Sentence.Index >= unit.Sentence.Index - 1)
        {
            return (before, 0, null);
        }

        return (null, 0, reference is null
            ? "It denies or disputes something, but which earlier claim it answers could not be told with confidence, so no link is proposed."
            : $"It answers {reference.Words}, but which earlier claim that is could not be told with confidence, so no link is proposed.");
    }

    private static (SentenceFacts Answered, string Words, string Relation)? Implicit(SentenceFacts unit, List<SentenceFacts> earlier, List<SentenceFacts> units, int i, LanguageCues cues)
    {
        if (unit.Claimant is null)
        {
            return null;
        }

        // Another figure for the same thing: "jumlah korban sebenarnya lebih dari 400 orang" after "123 orang".
        if ((unit.Correction ?? unit.Opening) is { } marker && unit.Figures.Count > 0)
        {
            foreach (var other in earlier.Take(3).Where(e => e.Claimant is not null))
            {
                var corrected = unit.Reference is { Kind: "figure" } || (unit.BareNumber is { } bare && unit.Figures.Exists(f => f.Text == bare));
                if (other.Figures.Exists(f => unit.Figures.Exists(g => g.Unit == f.Unit && g.Value != f.Value)) && (corrected || Shared(unit, other) > 0))
                {
                    return (other, marker, "disputes");
                }
            }
        }

        // "However, the Treasury said …" / "Namun, Kementerian menilai …" right after someone else's claim on the same
        // thing (two shared words, or one and a negation).
        if (unit.Opening is { } opening && i > 0 && earlier.Count > 0 && earlier[0] == units[i - 1] && earlier[0].Claimant is not null
            && Shared(unit, earlier[0]) >= (unit.Negated ? 1 : 2))
        {
            return (earlier[0], opening, "disputes");
        }

        // The accused answers: "X menuduh perusahaan …" then "Manajemen perusahaan … namun … hanya 640 orang".
        var names = $"{unit.Claimant.Name} {unit.Claimant.Affiliation}".Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => Tokenizer.KeyOf(w).Replace("'s", "", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        if (earlier.Take(4).FirstOrDefault(e => e.Accused is { } head && (names.Contains(head) || unit.SpeakerWords.Contains(WordStems.Of(head, cues.Tag == "id")))) is { } accusation
            && (unit.Correction is not null || unit.Negated || unit.Reference is { Kind: "accusation" or "claim" }))
        {
            return (accusation, unit.Correction ?? $"reply by {unit.Claimant.Name}", unit.Negated && unit.Correction is null ? "denies" : "disputes");
        }

        return null;
    }

    private static int Shared(SentenceFacts a, SentenceFacts b) => Overlap(a.ContentWords, b.ContentWords);

    private static int Overlap(HashSet<string> a, HashSet<string> b) => a.Count(b.Contains);

    private static HashSet<string> NameStems(CandidateClaimant claimant, LanguageCues cues) =>
        [.. Tokenizer.Tokenize(claimant.Name).Where(t => t.IsWord && t.Key.Length >= 3 && !cues.StopWords.Contains(t.Key)).Select(t => WordStems.Of(t.Key, cues.Tag == "id"))];

    private static bool SameClaimant(CandidateClaimant? a, CandidateClaimant? b) =>
        a is not null && b is not null && string.Equals(a.Name, b.Name, StringComparison.OrdinalIgnoreCase);
}
