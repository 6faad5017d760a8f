using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MlOps.Serving.Tests;

/// <summary>The scoring server in memory (WebApplicationFactory), serving <see cref="TestModel"/>, with settings as the command line gives them.</summary>
internal sealed class ScoringServer : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string> settings;

    public ScoringServer(params (string Name, string Value)[] settings)
    {
        this.settings = new(StringComparer.OrdinalIgnoreCase) { ["bundle"] = TestModel.Bundle, ["public_key"] = TestModel.PublicKey, ["port"] = "0" };
        foreach (var (name, value) in settings)
        {
            this.settings[name] = value;
        }
    }

    /// <summary>Posts <paramref name="body"/> to /invocations as <paramref name="contentType"/>.</summary>
    public Task<HttpResponseMessage> PostAsync(string body, string contentType = "application/json") =>
        PostAsync(Encoding.UTF8.GetBytes(body), contentType);

    public async Task<HttpResponseMessage> PostAsync(byte[] body, string? contentType = "application/json")
    {
        using var content = new ByteArrayContent(body);
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return await CreateClient().PostAsync(new Uri("/invocations", UriKind.Relative), content);
    }

    /// <summary>The scores of a successful response.</summary>
    public static async Task<double[]> ScoresAsync(HttpResponseMessage response)
    {
        Assert.That(response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. json.RootElement.GetProperty("predictions").EnumerateArray().Select(p => p.GetProperty("score").GetDouble())];
    }

    /// <summary>The problem details of a rejected request.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.Clone();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (name, value) in settings)
        {
            builder.UseSetting(name, value);
        }
    }
}
