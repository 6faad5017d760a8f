using MlOps.Tasks.Containers;
using MlOps.Tasks.Kubernetes;
using MlOps.Tasks.Tracking;
using MlOps.Testing;
using MlOps.Testing.Kubernetes;

namespace MlOps.Tasks.Tests.Kubernetes;

public sealed class ClusterConnectionTests
{
    [Test]
    public async Task Should_Take_The_Context_From_The_Kubeconfig_File_That_Defines_It()
    {
        // Given: two files, as KUBECONFIG=first:second lists them; the context asked for is in the second
        await using var fake = await FakeKubernetesApi.StartAsync();
        using var temp = new TempDirectory();
        fake.WriteKubeconfig(temp["first"], context: "dev", token: "t");
        fake.WriteKubeconfig(temp["second"], context: "prod", @namespace: "models", token: "t");

        // When
        using var cluster = ClusterConnection.FromFiles([new FileInfo(temp["first"]), new FileInfo(temp["second"])], "prod");

        // Then
        Assert.That((cluster.Context, cluster.Namespace), Is.EqualTo(("prod", "models")));
    }

    [Test]
    public void Should_Name_The_Files_And_The_Context_It_Lacks()
    {
        // Given
        using var temp = new TempDirectory();
        temp.Write("config", "apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers: []\n");

        // When
        var refused = Assert.Throws<UsageException>(() => ClusterConnection.FromFile(temp["config"], "prod"));

        // Then
        Assert.That(refused.Message, Does.StartWith(temp["config"] + ": ")
            .And.EndWith("(context 'prod' from the pipeline file); kubectl config get-contexts lists what it holds."));
    }

    [TestCase(null, "127.0.0.1:5000/mlops/model@sha256:" + Digest, TestName = "Should_Pull_By_The_Pushed_Digest")]
    [TestCase("registry.example.com/team/model", "registry.example.com/team/model:v3-0123456789ab", TestName = "Should_Pull_From_The_Image_Repository_By_Tag")]
    public void Should_Pull_The_Image_Where_The_Cluster_Can(string? repository, string pulled)
    {
        // Given
        var version = new ModelVersion("model", 3, "r", "s", "0123456789ab", default, "ci", []);
        var image = new ImageRecord
        {
            Model = "model", Version = 3, Id = "sha256:" + new string('c', 64), Tags = ["mlops/model:v3-0123456789ab"], Digest = "127.0.0.1:5000/mlops/model@sha256:" + Digest,
            Size = 1, BundleSha256 = "0123456789ab", ServingSha256 = "s", Base = "b", BaseId = "i", Fingerprint = "f", Built = default, BuildSeconds = 1, SmokeRows = 0,
            SmokeMaxDifference = 0,
        };

        // When
        var release = ClusterRelease.Of(version, image, repository);

        // Then
        Assert.That((release.Image, release.ImageDigest), Is.EqualTo((pulled, "sha256:" + Digest)));
    }

    private const string Digest = "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd";
}
