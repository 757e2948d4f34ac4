using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FactCheck.E2E.Infrastructure;

namespace FactCheck.E2E.Tests;

/// Kestrel's request body limit (4 MB, ServiceSetup.MaxRequestBodyBytes) on the real socket: a larger body is
/// refused with 413 before the app reads it, while a body just under it still reaches validation and gets a 400
/// naming the field.
[Collection(E2ECollectionDefinition.Name)]
public sealed class RequestLimitTests(E2EFixture fixture)
{
    private async Task<HttpClient> SignedInAsync()
    {
        var client = new HttpClient { BaseAddress = fixture.BaseAddress };
        var response = await client.PostAsJsonAsync("/api/tokens", new { username = "checker", password = E2EFixture.DemoPassword });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static StringContent Article(int characters) =>
        new(JsonSerializer.Serialize(new { text = new string('a', characters), language = "id" }), System.Text.Encoding.UTF8, "application/json");

    [Fact]
    public async Task A_body_over_4_MB_is_refused_with_413_and_one_under_it_gets_the_validators_400()
    {
        using var client = await SignedInAsync();

        // Expect: 100-continue, as a well-behaved client sends a large body: Kestrel answers 413 from the declared
        // length before the body is sent, instead of closing the connection under a client still writing it.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/articles/extract") { Content = Article(5 * 1024 * 1024) };
        request.Headers.ExpectContinue = true;
        var tooLarge = await client.SendAsync(request);
        var large = await client.PostAsync("/api/articles/extract", Article(3 * 1024 * 1024));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, large.StatusCode);
        var problem = await large.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("text", out _), problem.ToString());
    }
}
