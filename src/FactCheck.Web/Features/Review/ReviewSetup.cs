namespace FactCheck.Web.Features.Review;

public static class ReviewSetup
{
    public static IServiceCollection AddReview(this IServiceCollection services)
    {
        services.AddSingleton<RatingScale>();
        services.AddSingleton<ReviewPolicy>();
        services.AddSingleton<Deadlines>();
        return services;
    }

    public static void MapReview(this IEndpointRouteBuilder app) => app.MapReviewEndpoints();
}
