using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using FactCheck.Web.Features.Review;
using Microsoft.Extensions.Localization;

namespace FactCheck.Web.Features.Feeds;

/// The Atom document of the latest verdicts and corrections. Every text passes through XmlText.Clean, so characters
/// that XML cannot hold never reach the writer, which escapes the rest (markup in a claim stays text).
public static class AtomFeed
{
    public const string ContentType = "application/atom+xml; charset=utf-8";

    /// Where the feed is and what it is called, in the reader's language. Addresses are absolute; PageUrl gives a
    /// verdict page's address in a language (null: as this feed's own address names it, so entry ids never change).
    public sealed record Site(
        string FeedUrl, string HomeUrl, Func<string, string?, string> PageUrl, string OrganisationName, string OrganisationUrl,
        string Language, IStringLocalizer<FeedText> Text, RatingScale Scale);

    public static (byte[] Body, DateTimeOffset? Updated) Write(VerdictFeed feed, int limit, Site site)
    {
        var entries = feed.Verdicts.Select(v => Verdict(v, site))
            .Concat(feed.Corrections.Select(k => Correction(k, site)))
            .OrderByDescending(e => e.LastUpdatedTime)
            .ThenBy(e => e.Id, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
        DateTimeOffset? updated = entries.Count == 0 ? null : entries[0].LastUpdatedTime;

        var organisation = XmlText.Clean(site.OrganisationName);
        var document = new SyndicationFeed(
            XmlText.Clean(site.Text["FeedTitle", organisation]),
            XmlText.Clean(site.Text["FeedSubtitle", organisation]),
            new Uri(site.HomeUrl),
            site.FeedUrl,
            updated ?? DateTimeOffset.UnixEpoch,
            entries)
        {
            Language = site.Language,
        };
        document.Links.Add(SyndicationLink.CreateSelfLink(new Uri(site.FeedUrl), "application/atom+xml"));
        document.Authors.Add(Author(site));

        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            new Atom10FeedFormatter(document).WriteTo(writer);
        }

        return (stream.ToArray(), updated);
    }

    private static SyndicationItem Verdict(PublishedVerdictRow verdict, Site site)
    {
        // The reader's version, or the only one there is, marked with its language: an entry never mixes two.
        var text = verdict.TextIn(site.Language);
        var url = site.PageUrl(verdict.Slug, text.Language == site.Language ? null : text.Language);
        var label = site.Scale.Find(verdict.Rating)?.Label(site.Language) ?? verdict.Rating;
        var item = new SyndicationItem
        {
            Id = site.PageUrl(verdict.Slug, null),
            Title = Text(site.Text["VerdictEntryTitle", label, text.Title]),
            Summary = Text(text.Summary),
            PublishDate = verdict.DatePublished,
            LastUpdatedTime = verdict.DateModified,
        };
        if (text.Language != site.Language)
        {
            item.AttributeExtensions[new XmlQualifiedName("lang", "http://www.w3.org/XML/1998/namespace")] = text.Language;
        }

        return Finish(item, url, site);
    }

    private static SyndicationItem Correction(FeedCorrection correction, Site site)
    {
        var url = site.PageUrl(correction.Slug, null);
        string Label(string key) => site.Scale.Find(key)?.Label(site.Language) ?? key;
        var content = new List<string>
        {
            correction.OldRating == correction.NewRating
                ? site.Text["CorrectionRatingUnchanged", Label(correction.NewRating)]
                : site.Text["CorrectionRating", Label(correction.OldRating), Label(correction.NewRating)],
            site.Text["CorrectionReason", correction.Reason],
        };
        if (!string.IsNullOrWhiteSpace(correction.WhatChanged))
        {
            content.Add(site.Text["CorrectionWhatChanged", correction.WhatChanged]);
        }

        if (correction.ChangedLanguages is { Length: > 0 } changed)
        {
            content.Add(site.Text["CorrectionLanguages", string.Join(", ", changed.Split(' ').Select(l => VerdictLanguages.Name(l, site.Language)))]);
        }

        var item = new SyndicationItem
        {
            Id = $"{url}#correction-{correction.Number}",
            Title = Text(site.Text["CorrectionEntryTitle", correction.Title]),
            Content = Text(string.Join("\n", content)),
            PublishDate = correction.PublishedAt,
            LastUpdatedTime = correction.PublishedAt,
        };
        return Finish(item, url, site);
    }

    private static SyndicationItem Finish(SyndicationItem item, string url, Site site)
    {
        item.Links.Add(SyndicationLink.CreateAlternateLink(new Uri(url), "text/html"));
        item.Authors.Add(Author(site));
        return item;
    }

    private static SyndicationPerson Author(Site site) => new(null, XmlText.Clean(site.OrganisationName), site.OrganisationUrl);

    private static TextSyndicationContent Text(string text) => new(XmlText.Clean(text), TextSyndicationContentKind.Plaintext);
}

/// XML 1.0 cannot hold most control characters (nor lone surrogates), even escaped: they are dropped.
public static class XmlText
{
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                clean.Append(text, i, 2);
                i++;
            }
            else if (XmlConvert.IsXmlChar(text[i]))
            {
                clean.Append(text[i]);
            }
        }

        return clean.Length == text.Length ? text : clean.ToString();
    }
}
