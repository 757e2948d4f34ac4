namespace FactCheck.Web.Features.Review;

public static class ReviewSetup
{
    public static IServiceCollection AddReview(this IServiceCollection services)
    {
        services.AddSingleton<RatingScale>();
        services.AddSingleton<ReviewPolicy>();
        services.AddSingleton<Deadlines>();
        services.AddSingleton<VerdictLanguages>();
        services.AddOptions<Infrastructure.FactCheckOptions>()
            .Validate(
                o => o.Review.RequiredLanguages.All(l => VerdictLanguages.IsKnown(l.Trim().ToLowerInvariant())),
                "FactCheck:Review:RequiredLanguages lists verdict languages: id, en.")
            .ValidateOnStart();
        return services;
    }

    public static void MapReview(this IEndpointRouteBuilder app) => app.MapReviewEndpoints();
}
