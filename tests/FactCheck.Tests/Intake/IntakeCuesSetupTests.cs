using FactCheck.Web.Features.Intake;
using FactCheck.Web.Features.Intake.Extraction;
using Microsoft.Extensions.DependencyInjection;

namespace FactCheck.Tests.Intake;

/// FactCheck:Intake:CuesFile adds the desk's own cue words; a file that is not there or not valid stops the start.
public sealed class IntakeCuesSetupTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("factcheck-cues-").FullName;

    private TestApp AppWithCues(string path) => new(demoData: false, settings: new Dictionary<string, string?> { [IntakeSetup.CuesFileKey] = path });

    [Fact]
    public void A_missing_cues_file_stops_the_start_naming_the_file_and_the_setting()
    {
        var path = Path.Combine(folder, "missing-cues.json");
        using var app = AppWithCues(path);

        var failure = Assert.ThrowsAny<Exception>(() => app.Start());

        var message = failure is IntakeCuesException ? failure.Message : failure.ToString();
        Assert.Contains(path, message, StringComparison.Ordinal);
        Assert.Contains(IntakeSetup.CuesFileKey, message, StringComparison.Ordinal);
        Assert.Contains("does not exist", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cues_file_that_is_not_valid_stops_the_start()
    {
        var path = Path.Combine(folder, "broken-cues.json");
        File.WriteAllText(path, "{ \"attribution\": [ this is not json");
        using var app = AppWithCues(path);

        var failure = Assert.ThrowsAny<Exception>(() => app.Start());

        Assert.Contains("could not be read", failure.ToString(), StringComparison.Ordinal);
        Assert.Contains(path, failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_valid_cues_file_is_added_to_the_built_in_cues()
    {
        var path = Path.Combine(folder, "desk-cues.json");
        File.WriteAllText(path, "{}");
        using var app = AppWithCues(path);

        app.Start();

        Assert.NotSame(IntakeCues.Default, app.Services.GetRequiredService<IntakeCues>());
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
