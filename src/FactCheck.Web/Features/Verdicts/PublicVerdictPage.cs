using FactCheck.Web.Features.Review;

namespace FactCheck.Web.Features.Verdicts;

public sealed record PublicClaimant(long Id, string Name, string Kind, string? Affiliation, string? Description = null, string? ReferenceUrl = null);

public sealed record PublicBeingChecked(long ClaimId, string Slug, string Title, PublicClaimant Claimant, DateTimeOffset? TargetDate)
{
    public IReadOnlyList<PublicMerge> Merges { get; init; } = [];
}

/// A topic as readers see it: its label in their language, linking to its page.
public sealed record PublicTopic(string Name, string Slug, string LabelId, string LabelEn)
{
    public PublicTopic()
        : this("", "", "", "")
    {
    }

    public string Label(string language) => language == "id" ? LabelId : LabelEn;
}

/// A claim readers have seen that was merged into this one as a duplicate: its old address leads here.
public sealed record PublicMerge(string Slug, string Title, DateTimeOffset MergedAt);

public sealed record PublicVerdictPage(
    long ClaimId, string Slug, string Title, string Text, string Language, string? TranslationEn, DateOnly? SaidOn, string? Place,
    string Kind, double? FigureLow, double? FigureHigh, string? FigureUnit, DateOnly? FigureAsOf,
    PublicClaimant Claimant, IReadOnlyList<string> Topics,
    PublicRatedVerdict Verdict,
    IReadOnlyList<PublicVersion> Versions,
    IReadOnlyList<PublicCorrection> Corrections,
    DateTimeOffset? CorrectionOpenedAt,
    IReadOnlyList<PublicEvidence> Evidence,
    IReadOnlyList<PublicAppearance> Appearances,
    IReadOnlyList<PublicLink> Links,
    DateTimeOffset DatePublished,
    DateTimeOffset DateModified)
{
    /// Every claim linked to this one, public or not: a change to any of them (one becoming public, published or
    /// rejected) changes this page, so the page's cache entry is tagged with all of them.
    public IReadOnlyList<long> LinkedClaimIds { get; init; } = [];

    public IReadOnlyList<PublicMerge> Merges { get; init; } = [];

    /// The claim's topics with their labels and public addresses (/topics/{slug}).
    public IReadOnlyList<PublicTopic> TopicLinks { get; init; } = [];

    public PublicAppearance? FirstAppearance => Appearances.FirstOrDefault(a => a.FirstSeen) ?? (Appearances.Count > 0 ? Appearances[0] : null);
}

/// The verdict readers see: Rating is the scale entry (labels in both languages, ClaimReview value), null only
/// when the desk removed a rating from its scale after using it (then RatingKey is shown as it is). Texts holds its
/// language versions, at least one, Indonesian first.
public sealed record PublicRatedVerdict(
    int Version, string RatingKey, Rating? Rating, string Polarity, string? Attribution, IReadOnlyList<PublicVerdictText> Texts,
    DateTimeOffset PublishedAt, DateTimeOffset UpdatedAt)
{
    public string Label(string language) => Rating?.Label(language) ?? RatingKey;

    /// The version in the language, if the verdict has one.
    public PublicVerdictText? In(string language) => Texts.FirstOrDefault(t => t.Language == language);

    /// What a reader of the language is shown: their version, or the only one there is.
    public PublicVerdictText Shown(string language) => In(language) ?? Texts[0];
}

/// One language version of a published verdict; ExplanationHtml is empty where a feed does not carry it.
public sealed record PublicVerdictText(string Language, string Title, string Summary, string ExplanationHtml);

public sealed record PublicVersion(int Version, string RatingKey, Rating? Rating, DateTimeOffset PublishedAt, string? ChangeNote, bool Current)
{
    public string Label(string language) => Rating?.Label(language) ?? RatingKey;
}

/// ChangedLanguages: the language versions the correction added, rewrote or dropped (empty: only the rating or sources).
public sealed record PublicCorrection(
    DateTimeOffset PublishedAt, string Reason, string? WhatChanged, int OldVersion, string OldRating, int NewVersion, string NewRating,
    IReadOnlyList<string> ChangedLanguages);

public sealed record PublicEvidence(string Url, string Title, string Stance, string? Note, DateOnly? PublishedOn);

public sealed record PublicAppearance(string Url, string? Outlet, DateOnly? PublishedOn, bool FirstSeen);

/// A link seen from this claim (Outgoing: this claim denies/disputes/... the other). The other claim is public:
/// RatingKey is set when it has a verdict, otherwise it is being checked.
public sealed record PublicLink(string Relation, bool Outgoing, long ClaimId, string Slug, string Title, string Claimant, string? RatingKey, Rating? Rating)
{
    public bool Published => RatingKey is not null;
}
