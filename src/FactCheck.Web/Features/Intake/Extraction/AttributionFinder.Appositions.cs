namespace FactCheck.Web.Features.Intake.Extraction;

/// A speaker across the commas of an apposition ("Kepala BPBD Luwu Utara, Muhammad Arsyad, mengatakan"; "A doctor
/// at X, who asked not to be named, said"), and whether a piece between commas describes a person.
internal sealed partial class AttributionFinder
{
    /// The verb stands right after a comma: the speaker is in the comma-set pieces before it. Descriptions ("who asked
    /// not to be named", "viewed 2.3 million times", "71", "a coalition of civil society groups") are passed over; a
    /// name next to a role ("Kepala BPBD …, Muhammad Arsyad,"; "Dr. Kemi Balogun, the deputy governor,") is the speaker
    /// with the role as affiliation.
    private Speaker? Appositive(int comma)
    {
        var pieces = new List<(int Start, int End)>();
        var end = comma;
        while (pieces.Count < 5)
        {
            var start = end;
            while (start > 0 && end - start < MaxLookBack && !IsBoundary(start - 1))
            {
                start--;
            }

            pieces.Add((SkipConnectors(start, end), end));
            if (start > 1 && tokens[start - 1].Text == ",")
            {
                end = start - 1;
            }
            else
            {
                break;
            }
        }

        var at = 0;
        while (at < pieces.Count - 1 && Describes(pieces[at], true))
        {
            at++;
        }

        var (aStart, aEnd) = pieces[at];
        if (aEnd > aStart && LooksLikeClause(aStart, aEnd))
        {
            // "The allegation was made by River Action, a campaign group, which said": the name ending the clause.
            var name = aEnd;
            while (name > aStart && (tokens[name - 1].IsCapitalised || tokens[name - 1].IsAcronym))
            {
                name--;
            }

            return name < aEnd && ClaimantNames.Read(text, tokens, name, aEnd, cues, gazetteer) is { } ending ? new Speaker(ending, false, null, name) : null;
        }

        if (aEnd <= aStart || ClaimantNames.Read(text, tokens, aStart, aEnd, cues, gazetteer) is not { } first)
        {
            return null;
        }

        // "The figures, released by the Bureau of Statistics on Friday, show …": the author named in the description.
        if (first.Kind == "source" && at > 0)
        {
            var (byStart, byEnd) = pieces[at - 1];
            var by = tokens.FindIndex(byStart, byEnd - byStart, t => t.Key is "by" or "oleh");
            if (by > byStart && ReadAfter(by + 1) is ({ IsPerson: false } author, _))
            {
                return new Speaker(author, false, null, aStart);
            }
        }

        if (at + 1 < pieces.Count && pieces[at + 1] is var (bStart, bEnd) && bEnd > bStart && !Describes(pieces[at + 1], false) && !LooksLikeClause(bStart, bEnd)
            && ClaimantNames.Read(text, tokens, bStart, bEnd, cues, gazetteer) is { } second)
        {
            if (first is { IsPerson: true, RoleOnly: false } && (second.RoleOnly || !second.IsPerson))
            {
                return new Speaker(first with { Affiliation = Role(bStart, bEnd) }, false, null, bStart);
            }

            if (second is { IsPerson: true, RoleOnly: false } && (first.RoleOnly || !first.IsPerson))
            {
                return new Speaker(second with { Affiliation = Role(aStart, aEnd) }, false, null, bStart);
            }

            // "Camat Kenjeran, Hendra Wijaya,": a title with a place is the role of the untitled name.
            if (first is { IsPerson: true, Titled: false } && second.Titled)
            {
                return new Speaker(first with { Affiliation = Role(bStart, bEnd) }, false, null, bStart);
            }

            if (second is { IsPerson: true, Titled: false } && first.Titled)
            {
                return new Speaker(second with { Affiliation = Role(aStart, aEnd) }, false, null, bStart);
            }

            return new Speaker(first, false, null, bStart);
        }

        // "Dr. R. Meenakshi, a public health specialist at …, said": the description is the person's affiliation.
        if (at > 0 && first is { IsPerson: true, RoleOnly: false, Affiliation: null } && pieces[at - 1] is var (dStart, dEnd) && dEnd > dStart
            && tokens[dStart].Key is "a" or "an" or "seorang" && !LooksLikeClause(dStart, dEnd))
        {
            return new Speaker(first with { Affiliation = Role(dStart, dEnd) }, false, null, aStart);
        }

        return new Speaker(first, false, null, aStart);
    }

    /// A comma-set piece that says something about the phrase before it rather than naming anyone.
    private bool Describes((int Start, int End) piece, bool somethingBefore)
    {
        var (start, end) = piece;
        if (end <= start)
        {
            return true;
        }

        var first = tokens[start];
        if (first.IsNumber && end == start + 1)
        {
            return true;
        }

        // "Warga Desa Sukamaju, Kecamatan Cibungbulang,": the area above the one named is no speaker.
        if (somethingBefore && first.IsWord && cues.PlaceWords.Contains(first.Key))
        {
            return true;
        }

        if (!first.IsWord || first.IsCapitalised)
        {
            return false;
        }

        if (cues.RelativePronouns.Contains(first.Key))
        {
            return true;
        }

        // "many of whom have lived there for decades", "beberapa di antaranya yang …": a clause about the phrase before.
        for (var k = start + 1; k < Math.Min(end, start + 4); k++)
        {
            if (tokens[k].IsWord && cues.RelativePronouns.Contains(tokens[k].Key) && somethingBefore)
            {
                return true;
            }
        }

        var opensPhrase = cues.Determiners.Contains(first.Key) || cues.Quantifiers.TryMatch(tokens, start, out _)
            || cues.Titles.TryMatch(tokens, start, out _) || cues.Organisations.TryMatch(tokens, start, out _);
        if (!opensPhrase)
        {
            return true;
        }

        // "a coalition of civil society groups" after a name describes it; "the deputy governor" is a role.
        return somethingBefore && first.Key is "a" or "an" or "seorang" or "sebuah";
    }

    private string Role(int start, int end)
    {
        var role = ClaimantNames.Span(text, tokens, start, end).Trim();
        var first = role.Split(' ', 2);
        return first.Length == 2 && cues.Determiners.Contains(Tokenizer.KeyOf(first[0])) ? first[1] : role;
    }
}
