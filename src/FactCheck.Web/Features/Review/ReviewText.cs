namespace FactCheck.Web.Features.Review;

/// Names the staff strings of the review feature (ReviewText.resx in English, ReviewText.id.resx in Indonesian).
public sealed class ReviewText;
