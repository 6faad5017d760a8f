using System.Net;
using System.Text.Json;

namespace MlOps.Serving.Tests;

/// <summary>A path or method the server does not serve gets problem details too, not an empty body.</summary>
public sealed class UnknownRouteTests
{
    private static ScoringServer server = null!;

    [OneTimeSetUp]
    public void StartServer() => server = new ScoringServer();

    [OneTimeTearDown]
    public void StopServer() => server.Dispose();

    [TestCase("GET")]
    [TestCase("PUT")]
    [TestCase("DELETE")]
    [TestCase("PATCH")]
    public async Task Should_Answer_405_With_Problem_Details_And_Allow_Post_For_Another_Method_On_Invocations(string method)
    {
        // When
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri("/invocations", UriKind.Relative));
        var response = await server.CreateClient().SendAsync(request);

        // Then
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
        Assert.That(response.Content.Headers.Allow, Is.EqualTo(new[] { "POST" }));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.That(problem.GetProperty("type").GetString(), Is.EqualTo("urn:mlops:problem:method-not-allowed"));
        Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo($"/invocations answers POST, not {method}: send the rows in a POST request."));
    }

    [Test]
    public async Task Should_Answer_404_With_Problem_Details_For_A_Path_It_Does_Not_Serve()
    {
        // When
        var response = await server.CreateClient().PostAsync(new Uri("/predict", UriKind.Relative), new StringContent("{}"));

        // Then
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.That(problem.GetProperty("type").GetString(), Is.EqualTo("urn:mlops:problem:not-found"));
        Assert.That(problem.GetProperty("detail").GetString(),
            Is.EqualTo("The server has no /predict; it serves POST /invocations, GET /ping, /health, /ready, /version and /metrics."));
        Assert.That(problem.GetProperty("error_code").GetString(), Is.EqualTo("ENDPOINT_NOT_FOUND"));
    }
}
