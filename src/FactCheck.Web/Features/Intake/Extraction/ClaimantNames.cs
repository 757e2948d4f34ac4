namespace FactCheck.Web.Features.Intake.Extraction;

/// A claimant as written: Name ("Vladimir Putin", "Kementerian Pertahanan Azerbaijan", "pedagang Pasar Terong"), the role
/// or description before a name ("Presiden Rusia", "Health insurer"), whether the phrase named only a role ("the deputy
/// governor", "Kepala Dinas Pendidikan Jawa Timur") and whether it has a title at all. Kind "source" is a document with
/// no author in the phrase ("the statement", "laporan itu"): the article's context says whose it is.
internal sealed record NamePhrase(string Name, string Kind, string? Affiliation, bool IsPerson, bool RoleOnly, int NameWords, bool Titled = false);

/// Splits a claimant phrase into name and role with the cue data: titles, organisation words and places are the role,
/// the capitalised words after the last of them are the person's name. A phrase led by an office ("Kepala Dinas …",
/// "the finance minister") is a person named by that office. A phrase with an organisation word and no person's name
/// is an organisation or a group and keeps its whole name, without leading quantifiers ("Sekelompok pedagang Pasar
/// Terong" is "Pedagang Pasar Terong"); a phrase of places only is a government ("Moskwa").
internal static partial class ClaimantNames
{
    private const int MaxWords = 14;
    private static readonly HashSet<string> Singular = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "one", "seorang", "sebuah", "satu", "salah seorang", "salah satu", "sang", "their", "its", "his", "her",
    };

    public static NamePhrase? Read(string text, List<Token> tokens, int start, int end, LanguageCues cues, PhraseSet<bool> gazetteer)
    {
        (start, end, var plural) = Trim(tokens, start, end, cues);
        if (start >= end || end - start > MaxWords + 6)
        {
            return null;
        }

        // "When", "After": a capitalised function word names nobody.
        if (tokens.Skip(start).Take(end - start).All(t => !t.IsWord || cues.StopWords.Contains(t.Key) || cues.PhraseStops.Contains(t.Key)))
        {
            return null;
        }

        if (Named(text, tokens, start, end, cues, gazetteer) is { } named)
        {
            return named;
        }

        // "Health insurer MediSure", "Passenger group Rail Users North": a description, then the name it describes.
        for (var k = start; k + 1 < end; k++)
        {
            if (tokens[k].IsWord && !tokens[k].IsCapitalised && cues.ReferringNouns.Contains(tokens[k].Key)
                && tokens.Skip(k + 1).Take(end - k - 1).All(t => t.IsCapitalised || t.IsAcronym || t.Text is "'" || (t.IsWord && cues.NameParticles.Contains(t.Key))))
            {
                var described = Read(text, tokens, start, k + 1, cues, gazetteer);
                return new NamePhrase(Span(text, tokens, k + 1, end), described?.Kind is { } kind && kind != "person" ? kind : "other",
                    Capitalise(Span(text, tokens, start, k + 1)), false, false, end - k - 1);
            }
        }

        // "Badan Penanggulangan Bencana Daerah (BPBD) Luwu Utara": the name without its acronym.
        for (var k = start + 1; k + 3 < end; k++)
        {
            if (tokens[k].Text == "(" && IsAbbreviation(tokens[k + 1]) && tokens[k + 2].Text == ")" && tokens[k + 3].IsCapitalised
                && Read(text, tokens, start, k, cues, gazetteer) is { IsPerson: false } body)
            {
                var whole = $"{body.Name} {Span(text, tokens, k + 3, end)}";
                return body with { Name = whole, NameWords = whole.Split(' ').Length };
            }
        }

        // "The department's report": the report's author.
        if (end - start >= 2 && cues.SourceNouns.TryMatch(tokens, end - 1, out var ownSource) && ownSource.End == end
            && tokens[end - 2].Key.EndsWith("'s", StringComparison.Ordinal))
        {
            var owner = Span(text, tokens, start, end - 1);
            owner = owner[..^2];
            return new NamePhrase(Capitalise(owner), "other", null, false, false, owner.Split(' ').Length);
        }

        // "Police in Lagos", "Kedutaan Besar China di Jakarta": an institution's name stops before where it is.
        for (var k = start + 1; k + 1 < end; k++)
        {
            if (tokens[k].IsWord && !tokens[k].IsCapitalised && cues.Locatives.Contains(tokens[k].Key) && tokens[k + 1].IsCapitalised
                && Read(text, tokens, start, k, cues, gazetteer) is { IsPerson: false, Kind: "government" or "military" or "official-body" or "media" } institution
                && !HeadIsTitle(tokens, start, k, cues) && !(!cues.UnitHeadFirst && tokens[k - 1].Key.EndsWith('s')))
            {
                return institution;
            }
        }

        if (cues.SourceNouns.TryMatch(tokens, start, out var source) && source.End >= end)
        {
            return Source(Span(text, tokens, start, end));
        }

        var role = new bool[end - start];
        var plain = new bool[end - start];
        var words = 0;
        var titled = false;
        var placesOnly = true;
        string? organisation = null;
        for (var k = start; k < end; k++)
        {
            var token = tokens[k];
            words += token.IsWord ? 1 : 0;
            if (cues.Titles.TryMatch(tokens, k, out var title) && title.End <= end)
            {
                titled = true;
                Mark(role, k - start, title.End - start);
                k = title.End - 1;
                placesOnly = false;

                // "Wali Kota Bogor Dedi Kusuma": the word after an office of a place is the place, when a name follows.
                var after = title.End;
                if (cues.PlaceTitles.TryMatch(tokens, title.Start, out var office) && office.End == title.End && after + 2 < end + 1
                    && tokens[after].IsCapitalised && !gazetteer.TryMatch(tokens, after, out _) && after + 1 < end && tokens[after + 1].IsCapitalised)
                {
                    role[after - start] = true;
                    k = after;
                }
            }
            else if ((cues.Organisations.TryMatch(tokens, k, out var org) && org.End <= end)
                     || (token.IsWord && cues.ReferringNouns.Contains(token.Key) && (org = new PhraseMatch<string>(k, k + 1, "other")).End > 0)
                     || (token.IsWord && (!token.IsCapitalised || k == start) && cues.PostNouns.TryMatch(tokens, k, out var post) && post.End <= end && (org = new PhraseMatch<string>(k, post.End, "other")).End > 0))
            {
                organisation = organisation is null || cues.UnitHeadFirst ? organisation ?? org.Value : org.Value;
                Mark(role, k - start, org.End - start);
                k = org.End - 1;
                placesOnly = false;
            }
            else if (token.IsCapitalised && gazetteer.TryMatch(tokens, k, out var place) && place.End <= end)
            {
                Mark(role, k - start, place.End - start);
                k = place.End - 1;
            }
            else if (token.IsWord && cues.InstitutionWords.Contains(token.Key))
            {
                role[k - start] = true;
                placesOnly = false;

                // "Kabupaten Luwu Utara", "Desa Radda": the capitalised words after an area's name are the area's, but for the
                // last two of a longer run ("Kota Surabaya Nanik Sukristina"), which name a person.
                if (cues.UnitHeadFirst && cues.PlaceWords.Contains(token.Key))
                {
                    var run = k + 1;
                    while (run < end && tokens[run].IsCapitalised && !cues.Titles.TryMatch(tokens, run, out _))
                    {
                        run++;
                    }

                    var area = run - (k + 1) >= 3 ? run - 2 : run;
                    while (k + 1 < area)
                    {
                        role[++k - start] = true;
                    }
                }
            }
            else
            {
                var particle = token.IsWord && cues.NameParticles.Contains(token.Key);
                role[k - start] = token.IsAcronym || token.IsNumber || token.Key.EndsWith("'s", StringComparison.Ordinal) || (token.IsWord && !token.IsCapitalised && !particle) || token.Text is "(" or ")" or "'";
                plain[k - start] = token.IsWord && !token.IsCapitalised && !particle;
                placesOnly &= particle || token.IsPunct;
            }
        }

        if (words == 0 || words > MaxWords)
        {
            return null;
        }

        var lastRole = role.Length;
        while (lastRole > 0 && !role[lastRole - 1])
        {
            lastRole--;
        }

        var nameStart = start + lastRole;
        var nameWords = CountNameWords(tokens, nameStart, end, cues);

        // A person's name follows a title, a place or a capitalised name, never a preposition ("kepala puskesmas di Sumenep").
        if (nameWords > 0 && nameStart > start && plain[nameStart - start - 1])
        {
            nameWords = 0;
            nameStart = end;
        }
        // "Kepala Bapanas", "Ketua KPU": one word after the title of a body's head is the body.
        if (titled && nameWords == 1 && nameStart - 1 >= start && cues.HeadTitles.TryMatch(tokens, start, out var head) && head.End == nameStart)
        {
            nameWords = 0;
        }

        if (titled && nameWords > 0)
        {
            return new NamePhrase(Span(text, tokens, nameStart, end), "person", Affiliation(text, tokens, start, nameStart, cues), true, false, nameWords, true);
        }

        var phrase = Capitalise(Span(text, tokens, start, end));
        if (HeadIsTitle(tokens, start, end, cues))
        {
            return new NamePhrase(phrase, plural ? "official-body" : "person", null, !plural, true, 0, true);
        }

        // "Health insurer MediSure", "perusahaan PT X": a description, then the name it describes.
        if (organisation is not null && nameWords > 0 && !tokens[nameStart - 1].IsCapitalised && cues.ReferringNouns.Contains(tokens[nameStart - 1].Key))
        {
            return new NamePhrase(Span(text, tokens, nameStart, end), organisation, Capitalise(Span(text, tokens, start, nameStart)), false, false, nameWords);
        }

        if (organisation is not null)
        {
            return new NamePhrase(phrase, organisation, null, false, false, words, titled);
        }

        if (titled)
        {
            return new NamePhrase(phrase, "person", null, true, true, 0, true);
        }

        if (placesOnly && lastRole > 0)
        {
            return new NamePhrase(phrase, "government", null, false, false, words);
        }

        if (lastRole == 0 && nameWords == words)
        {
            return new NamePhrase(phrase, "person", null, true, false, nameWords);
        }

        // "Ratusan jemaah Masjid Raya …", "Dozens of growers …": a group of people the cue data does not name.
        if (plural && tokens[start].IsWord && !tokens[start].IsCapitalised)
        {
            return new NamePhrase(phrase, "other", null, false, false, words);
        }

        // "Japan's NHK", "the RSF": a proper name with an acronym or a possessive, not a person's.
        var proper = true;
        for (var k = start; k < end; k++)
        {
            proper &= !tokens[k].IsWord || tokens[k].IsCapitalised || tokens[k].IsAcronym || cues.NameParticles.Contains(tokens[k].Key);
        }

        return proper ? new NamePhrase(phrase, "other", null, false, false, words) : null;
    }

    /// "(BPBD)", "(Walhi)": a short name in brackets, in capitals or Indonesian style.
    public static bool IsAbbreviation(Token token) => token.IsAcronym || (token.IsCapitalised && token.Text.Length <= 10);

    public static NamePhrase Source(string words) => new(words, "source", null, false, true, 0);

    public static string Span(string text, List<Token> tokens, int start, int end) =>
        end > start ? text[tokens[start].Start..tokens[end - 1].End] : "";

    /// "pemerintah Baku" reads "Pemerintah Baku": only the first letter changes, so "Pejabat lokal" stays as written.
    public static string Capitalise(string phrase) =>
        phrase.Length > 0 && char.IsLower(phrase[0]) ? char.ToUpperInvariant(phrase[0]) + phrase[1..] : phrase;

    private static void Mark(bool[] role, int from, int to)
    {
        for (var k = from; k < to && k < role.Length; k++)
        {
            role[k] = true;
        }
    }
}
