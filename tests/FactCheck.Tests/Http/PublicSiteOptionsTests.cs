using Microsoft.Extensions.Options;

namespace FactCheck.Tests.Http;

public sealed class PublicSiteOptionsTests
{
    [Theory]
    [InlineData("FactCheck:PublicUrl", "javascript:alert(1)")]
    [InlineData("FactCheck:Organisation:Url", "ftp://desk.example.id")]
    [InlineData("FactCheck:Organisation:MethodologyUrl", "/about")]
    [InlineData("FactCheck:Organisation:CorrectionsPolicyUrl", "data:text/html,hi")]
    public void App_refuses_to_start_with_an_address_that_is_not_http_or_https(string key, string value)
    {
        using var app = new TestApp(settings: new Dictionary<string, string?> { [key] = value });

        var error = Assert.ThrowsAny<Exception>(() => app.Start());

        var validation = error as OptionsValidationException ?? error.InnerException as OptionsValidationException;
        Assert.NotNull(validation);
        Assert.Contains(key, validation.Message, StringComparison.Ordinal);
    }
}
