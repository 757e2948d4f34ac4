using System.Text.Json;
using System.Text.Json.Serialization;
using FactCheck.Web.Features.Claims;

namespace FactCheck.Web.Features.Intake.Extraction;

/// The JSON shape of cues.json and of a desk's extension file. Every member is optional so a desk file names only
/// what it adds; unknown members are an error so a misspelt list is reported instead of silently ignored.
internal sealed class CueFile
{
    [JsonPropertyName("$comment")]
    public string? Comment { get; set; }

    public int? CandidateThreshold { get; set; }
    public int? MaxSentences { get; set; }
    public int? MaxCandidates { get; set; }
    public int? MaxSentenceLength { get; set; }
    public Dictionary<string, int>? Points { get; set; }
    public List<string>? Abbreviations { get; set; }
    public List<string>? Gazetteer { get; set; }
    public Dictionary<string, LanguageCueFile>? Languages { get; set; }

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static CueFile Read(Stream json, string source)
    {
        CueFile? file;
        try
        {
            file = JsonSerializer.Deserialize<CueFile>(json, Options);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source} is not a valid intake cue file: {e.Message}", e);
        }

        if (file is null)
        {
            throw new InvalidDataException($"{source} is not a valid intake cue file: it is empty (null).");
        }

        file.Validate(source);
        return file;
    }

    /// Lists are added to (without duplicates), maps gain the other's entries (the other wins on the same key),
    /// numbers are replaced when the other gives them.
    public static CueFile Merge(CueFile first, CueFile other)
    {
        var languages = new Dictionary<string, LanguageCueFile>(StringComparer.OrdinalIgnoreCase);
        foreach (var (tag, cues) in (first.Languages ?? []).Concat(other.Languages ?? []))
        {
            languages[tag] = languages.TryGetValue(tag, out var known) ? LanguageCueFile.Merge(known, cues) : cues;
        }

        return new CueFile
        {
            CandidateThreshold = other.CandidateThreshold ?? first.CandidateThreshold,
            MaxSentences = other.MaxSentences ?? first.MaxSentences,
            MaxCandidates = other.MaxCandidates ?? first.MaxCandidates,
            MaxSentenceLength = other.MaxSentenceLength ?? first.MaxSentenceLength,
            Points = MergeMap(first.Points, other.Points),
            Abbreviations = MergeList(first.Abbreviations, other.Abbreviations),
            Gazetteer = MergeList(first.Gazetteer, other.Gazetteer),
            Languages = languages,
        };
    }

    internal static List<string>? MergeList(List<string>? first, List<string>? other) =>
        first is null ? other : other is null ? first : [.. first.Concat(other).Distinct(StringComparer.Ordinal)];

    internal static Dictionary<string, T>? MergeMap<T>(Dictionary<string, T>? first, Dictionary<string, T>? other)
    {
        if (first is null || other is null)
        {
            return first ?? other;
        }

        var merged = new Dictionary<string, T>(first, StringComparer.Ordinal);
        foreach (var (key, value) in other)
        {
            merged[key] = value;
        }

        return merged;
    }

    private void Validate(string source)
    {
        Require(CandidateThreshold is null or >= 0 and <= 100, source, "candidateThreshold must be between 0 and 100");
        Require(MaxSentences is null or > 0, source, "maxSentences must be positive");
        Require(MaxCandidates is null or > 0, source, "maxCandidates must be positive");
        Require(MaxSentenceLength is null or > 0, source, "maxSentenceLength must be positive");
        foreach (var (code, points) in Points ?? [])
        {
            Require(points is >= 0 and <= 100, source, $"points.{code} must be between 0 and 100");
        }

        foreach (var (tag, cues) in Languages ?? [])
        {
            Require(ClaimRules.IsKnownLanguage(tag), source, $"languages.{tag} is not a language tag");
            Require(cues is not null, source, $"languages.{tag} is empty");
            cues!.Validate(source, $"languages.{tag}");
        }
    }

    internal static void Require(bool condition, string source, string message)
    {
        if (!condition)
        {
            throw new InvalidDataException($"{source} is not a valid intake cue file: {message}.");
        }
    }
}
