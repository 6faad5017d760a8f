using System.Security.Cryptography;
using MlOps.Tasks.Tracking;

namespace MlOps.Build.Tests;

/// <summary>Serve and Deploy serve a version only from the bundle the registry recorded for it, signature or not.</summary>
[Category("Slow")]
public sealed class BundleRecordProgramTests
{
    [Test]
    public void Should_Refuse_To_Serve_Or_Deploy_A_Validly_Signed_Bundle_Of_Another_Version()
    {
        // Given: v1 and v2 gated, then v1's bundle (validly signed) copied over v2's
        using var deployed = Deployed.QuickSample();
        var build = deployed.Build;
        var v1Gated = build.Run("--target=BiasCheck");
        Assert.That(v1Gated.ExitCode, Is.Zero, v1Gated.Output + v1Gated.Errors);
        var pipeline = build.Repository["pipelines/credit-scoring.yaml"];
        File.WriteAllText(pipeline, File.ReadAllText(pipeline).Replace("number_of_iterations: 60", "number_of_iterations: 70", StringComparison.Ordinal));
        var v2Gated = build.Run("--target=BiasCheck");
        Assert.That(v2Gated.ExitCode, Is.Zero, v2Gated.Output + v2Gated.Errors);
        ModelVersion v1, v2;
        using (var store = TrackingStore.Open(build.Repository[".mlops"]))
        {
            (v1, v2) = (store.Registry.GetVersion("credit-scoring", "1"), store.Registry.GetVersion("credit-scoring", "2"));
        }

        File.Copy(v1.Source, v2.Source, overwrite: true);
        var expected = $"Error: {v2.Source}: the registry recorded sha256 {v2.BundleSha256} for credit-scoring v2, but this bundle's sha256 is {v1.BundleSha256} (it holds v1); " +
            "put v2's own bundle back, or train again (./build.sh --target=Train --force) to register a new version.";

        // When
        using var serving = build.Launch("--target=Serve", $"--port={deployed.LocalPort}");
        var serve = serving.Wait(TimeSpan.FromMinutes(2)) ?? serving.Stop();
        var deploy = build.Run("--target=Deploy", "--exclusive");

        // Then
        Assert.That(v1.BundleSha256, Is.Not.EqualTo(v2.BundleSha256));
        Assert.That(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(v2.Source))), Is.EqualTo(v1.BundleSha256));
        foreach (var result in new[] { serve, deploy })
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.Output + result.Errors);
            Assert.That(result.Errors, Does.Contain(expected));
        }

        Assert.That(deployed.History("local"), Is.Empty);
        Assert.That(build.Repository[".mlops/deployments"], Does.Not.Exist);
    }
}
