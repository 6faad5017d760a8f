using System.Net;
using System.Text;
using System.Text.Json;

namespace MlOps.Build.Tests;

/// <summary>VerifyAudit and Status find a deployment's audit log in the store, and its records lead to the deployment.</summary>
[Category("Slow")]
public sealed class DeployedAuditProgramTests
{
    [Test]
    public async Task Should_Verify_The_Log_Of_The_Local_Deployment_Without_Being_Told_Where_It_Is()
    {
        // Given: v1 deployed to local, and a prediction
        using var deployed = Deployed.QuickSample();
        var build = deployed.Build;
        var deploy = build.Run("--target=Deploy");
        Assert.That(deploy.ExitCode, Is.Zero, deploy.Output + deploy.Errors);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{deployed.LocalPort}") };
        var (body, _) = build.HeldOutRows(2);
        using var answer = await client.PostAsync(new Uri("/invocations", UriKind.Relative), new StringContent(body, Encoding.UTF8, "text/csv"));
        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var requestId = answer.Headers.GetValues("X-Request-Id").Single();
        var deployment = deployed.History("local").Single();
        var log = Path.GetRelativePath(build.Repository.Path, Path.Combine(deployment.Folder, "audit", "predictions.jsonl"));

        // When
        var result = build.Run("--target=VerifyAudit");
        var status = build.Run("--target=Status");

        // Then: the record of the prediction names the deployment, whose log VerifyAudit found and named
        var record = File.ReadLines(build.Repository[log]).Select(l => JsonDocument.Parse(l).RootElement)
            .Single(r => r.GetProperty("request_id").GetString() == requestId);
        Assert.That(record.GetProperty("deployment").GetString(), Is.EqualTo(deployment.Key));
        Assert.That(record.TryGetProperty("image_digest", out _), Is.False, "a local deployment runs no image");
        Assert.That(result.ExitCode, Is.Zero, result.Output + result.Errors);
        Assert.That(result.Output, Does.Contain($"Deployment {deployment.Id} to 'local': credit-scoring v1, key {deployment.Key}, a process (no image)."));
        Assert.That(result.Output, Does.Match($@"Audit log {System.Text.RegularExpressions.Regex.Escape(log)}: \d+ records? in 1 file, chain intact \(last hash "));
        Assert.That(result.Output, Does.Match($@"VerifyAudit\s+ran\s+\S+\s+deployment {deployment.Id} \(v1\): \d+ records?, chain intact"));
        Assert.That(status.ExitCode, Is.Zero, status.Output + status.Errors);
        Assert.That(status.Output, Does.Contain($"Audit log of 'local' (deployment {deployment.Id}): {log}"));
    }

    [Test]
    [Category("Docker")]
    public async Task Should_Verify_The_Log_Of_The_Docker_Deployment_And_Name_Its_Image()
    {
        // Given: v1 deployed to docker, and a prediction
        using var docker = await Docker.RequireAsync();
        using var deployed = Deployed.QuickSample();
        var build = deployed.Build;
        var deploy = build.Run("--target=Deploy", "--environment=docker");
        Assert.That(deploy.ExitCode, Is.Zero, deploy.Output + deploy.Errors);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{deployed.DockerPort}") };
        var (body, _) = build.HeldOutRows(2);
        using var answer = await client.PostAsync(new Uri("/invocations", UriKind.Relative), new StringContent(body, Encoding.UTF8, "text/csv"));
        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var requestId = answer.Headers.GetValues("X-Request-Id").Single();
        var deployment = deployed.History("docker").Single();

        // When
        var result = build.Run("--target=VerifyAudit", "--environment=docker");

        // Then: the record names the image the deployment runs (its id: the image was not pushed)
        var log = Path.Combine(deployment.Folder, "audit", "predictions.jsonl");
        var record = File.ReadLines(log).Select(l => JsonDocument.Parse(l).RootElement).Single(r => r.GetProperty("request_id").GetString() == requestId);
        Assert.That(record.GetProperty("deployment").GetString(), Is.EqualTo(deployment.Key));
        Assert.That(record.GetProperty("image_digest").GetString(), Is.EqualTo(deployment.Image).And.StartWith("sha256:"));
        Assert.That(result.ExitCode, Is.Zero, result.Output + result.Errors);
        Assert.That(result.Output, Does.Contain($"Deployment {deployment.Id} to 'docker': credit-scoring v1, key {deployment.Key}, image {deployment.Image}."));
    }

    [Test]
    public void Should_Exit_2_When_The_Named_Environment_Has_No_Deployment()
    {
        // Given
        using var build = new BuildProgram();

        // When
        var result = build.Run("--target=VerifyAudit", "--environment=docker");

        // Then
        Assert.That(result.ExitCode, Is.EqualTo(2), result.Output + result.Errors);
        Assert.That(result.Errors, Is.EqualTo("Error: Nothing is deployed to 'docker', so it has no audit log; "
            + "run ./build.sh --target=Deploy --environment=docker first, or give a log with --log=<file>.\n"));
    }
}
