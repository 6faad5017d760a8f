using System.Net;
using System.Text.Json;

namespace MlOps.Serving.Tests;

public sealed class StatusApiTests
{
    private static ScoringServer server = null!;

    [OneTimeSetUp]
    public void StartServer() => server = new ScoringServer();

    [OneTimeTearDown]
    public void StopServer() => server.Dispose();

    [TestCase("/ping")]
    [TestCase("/health")]
    [TestCase("/ready")]
    public async Task Should_Answer_The_Probes(string path)
    {
        // When
        var response = await server.CreateClient().GetAsync(new Uri(path, UriKind.Relative));

        // Then
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Should_Tell_Which_Model_It_Serves()
    {
        // When
        var json = JsonDocument.Parse(await server.CreateClient().GetStringAsync(new Uri("/version", UriKind.Relative))).RootElement;

        // Then
        Assert.That(json.GetProperty("model").GetString(), Is.EqualTo("credit-scoring"));
        Assert.That(json.GetProperty("version").GetString(), Is.EqualTo("7"));
        Assert.That(json.GetProperty("bundle_sha256").GetString(),
            Is.EqualTo(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(TestModel.Bundle)))));
        Assert.That(json.GetProperty("data_md5").GetString(), Is.EqualTo("3f1c0a4b2e8d9f7a6b5c4d3e2f1a0b9c.dir"));
        Assert.That(json.GetProperty("git_commit").GetString(), Is.EqualTo("5c93d6f"));
        Assert.That(json.GetProperty("columns").EnumerateArray().Where(c => c.GetProperty("required").GetBoolean()).Select(c => c.GetProperty("name").GetString()),
            Is.EqualTo(new[] { "income", "debt", "region", "note", "verified" }), "id and the excluded age are not read by the model");
    }

    [Test]
    public async Task Should_Tell_Its_Deployment_And_Image_When_Given()
    {
        // Given
        using var deployed = new ScoringServer(("deployment", "credit-scoring-cluster-green"), ("image_digest", "sha256:" + new string('d', 64)));

        // When
        var json = JsonDocument.Parse(await deployed.CreateClient().GetStringAsync(new Uri("/version", UriKind.Relative))).RootElement;
        var unnamed = JsonDocument.Parse(await server.CreateClient().GetStringAsync(new Uri("/version", UriKind.Relative))).RootElement;

        // Then
        Assert.That(json.GetProperty("deployment").GetString(), Is.EqualTo("credit-scoring-cluster-green"));
        Assert.That(json.GetProperty("image_digest").GetString(), Is.EqualTo("sha256:" + new string('d', 64)));
        Assert.That(unnamed.GetProperty("deployment").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }
}
