using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace MlOps.Serving.Tests;

public sealed class ApiKeyTests
{
    private static ScoringServer server = null!;

    [OneTimeSetUp]
    public void StartServer() => server = new ScoringServer(("api_key", "s3cret-key"));

    [OneTimeTearDown]
    public void StopServer() => server.Dispose();

    private static async Task<HttpResponseMessage> PostAsync(Action<HttpRequestMessage> authenticate)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/invocations")
        {
            Content = new StringContent($$"""{"dataframe_records": [{{TestModel.Record(0)}}]}""", Encoding.UTF8, "application/json"),
        };
        authenticate(request);
        return await server.CreateClient().SendAsync(request);
    }

    [Test]
    public async Task Should_Score_With_The_Key_As_Bearer_Token_Or_Header()
    {
        // When
        var bearer = await PostAsync(r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "s3cret-key"));
        var header = await PostAsync(r => r.Headers.Add("X-Api-Key", "s3cret-key"));

        // Then
        Assert.That(bearer.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(header.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase(null)]
    [TestCase("s3cret-kez")]
    [TestCase("s3cret-key-and-more")]
    [TestCase("")]
    public async Task Should_Answer_401_Without_The_Key(string? key)
    {
        // When
        var response = await PostAsync(r => { if (key is not null) { r.Headers.Add("X-Api-Key", key); } });
        var problem = await ScoringServer.ProblemAsync(response);

        // Then
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Is.EqualTo("Bearer"));
        Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo("Send the API key as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'."));
    }

    [TestCase("/metrics", HttpStatusCode.Unauthorized)]
    [TestCase("/version", HttpStatusCode.Unauthorized)]
    [TestCase("/health", HttpStatusCode.OK)]
    [TestCase("/ready", HttpStatusCode.OK)]
    [TestCase("/ping", HttpStatusCode.OK)]
    public async Task Should_Leave_Only_The_Probes_Open(string path, HttpStatusCode status)
    {
        // When
        var response = await server.CreateClient().GetAsync(new Uri(path, UriKind.Relative));

        // Then
        Assert.That(response.StatusCode, Is.EqualTo(status));
    }
}
