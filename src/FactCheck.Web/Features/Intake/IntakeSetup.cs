using FactCheck.Web.Features.Intake.Extraction;

namespace FactCheck.Web.Features.Intake;

public static class IntakeSetup
{
    /// A JSON file of the desk's own cue words (the shape of the built-in cues.json), added to the built-in ones.
    public const string CuesFileKey = "FactCheck:Intake:CuesFile";

    /// One IntakeCues for the app: the built-in cues, extended by the desk's file when FactCheck:Intake:CuesFile names one.
    public static IServiceCollection AddArticleIntake(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var file = configuration[CuesFileKey];
        var path = string.IsNullOrWhiteSpace(file) ? null : Path.GetFullPath(file.Trim(), environment.ContentRootPath);
        services.AddSingleton(_ => LoadCues(path));
        // Handlers take it lazily: the cues are read on the first extraction, not whenever a handler is created.
        services.AddSingleton(provider => new Lazy<IntakeCues>(provider.GetRequiredService<IntakeCues>));

        services.AddOptions<ArticleFetchOptions>().Bind(configuration.GetSection(ArticleFetchOptions.Section));
        // FetchArticle's own deadline covers connect, redirects and body together; the client's would only cover one request.
        services.AddHttpClient(PageDownload.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider =>
                PageDownload.Handler(provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<ArticleFetchOptions>>().Value.AllowPrivateAddresses
                ? _ => true
                : PageDownload.IsPublic));
        return services;
    }

    /// Loads a configured cues file at start-up, so a missing or broken one stops the app with a message instead of
    /// failing the first extraction. The built-in cues alone are loaded on first use.
    public static void CheckArticleIntake(this IServiceProvider services, IConfiguration configuration)
    {
        if (!string.IsNullOrWhiteSpace(configuration[CuesFileKey]))
        {
            services.GetRequiredService<IntakeCues>();
        }
    }

    public static IntakeCues LoadCues(string? path)
    {
        if (path is null)
        {
            return IntakeCues.Default;
        }

        if (!File.Exists(path))
        {
            throw new IntakeCuesException($"The intake cues file {path} ({CuesFileKey}) does not exist. Correct the path, or remove the setting to use the built-in cues only.");
        }

        try
        {
            using var stream = File.OpenRead(path);
            return IntakeCues.Extend(IntakeCues.Default, stream);
        }
        catch (Exception ex)
        {
            throw new IntakeCuesException($"The intake cues file {path} ({CuesFileKey}) could not be read: {ex.Message}", ex);
        }
    }
}

/// The desk's cue file is missing or not valid; the app does not start with it.
public sealed class IntakeCuesException(string message, Exception? inner = null) : Exception(message, inner);
