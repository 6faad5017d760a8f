using System.Security.Cryptography;
using System.Text;
using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Tests.Tracking;

/// <summary>A store shared by several machines: artifacts and bundles kept in the artifact root, fetched by each machine into its own folder.</summary>
[TestFixture(Engine.Sqlite)]
[TestFixture(Engine.Postgres)]
public sealed class ArtifactRootTests(Engine engine)
{
    [Test]
    public void Should_Fetch_Another_Machines_Bundle_And_Artifacts_Into_This_Machines_Folder()
    {
        // Given: machine A registers a bundle and logs metrics
        using var fixture = new TestStore(engine, artifacts: "shared");
        var (run, version) = Registered(fixture);
        var metrics = fixture.Temp.Write("metrics.json", "{\"auc\": 0.83}");
        fixture.Store.Runs.LogArtifact(run.Id, metrics);
        using var other = fixture.OnAnotherMachine("b");

        // When
        var seen = other.Registry.GetVersion("credit-scoring", "candidate");
        var bundle = other.Registry.Fetch(seen);
        other.Runs.Fetch(other.Runs.GetRun(run.Id));

        // Then
        Assert.That(other.ArtifactRoot, Is.EqualTo(fixture.Temp["shared"]));
        Assert.That(bundle, Is.EqualTo(fixture.Temp[$"machines/b/artifacts/{run.Id}/model.mlbundle"]));
        Assert.That(File.ReadAllText(bundle), Is.EqualTo("bundle v1"));
        Assert.That(seen.BundleSha256, Is.EqualTo(version.BundleSha256));
        Assert.That(File.ReadAllText(fixture.Temp[$"machines/b/artifacts/{run.Id}/metrics.json"]), Is.EqualTo("{\"auc\": 0.83}"));
    }

    [Test]
    public void Should_Refuse_A_Bundle_Changed_In_The_Artifact_Root_Naming_Both_Hashes()
    {
        // Given
        using var fixture = new TestStore(engine, artifacts: "shared");
        var (run, version) = Registered(fixture);
        File.WriteAllText(fixture.Temp[$"shared/{run.Id}/{version.BundleSha256}/model.mlbundle"], "bundle v9");
        using var other = fixture.OnAnotherMachine("b");

        // When
        var error = Assert.Throws<InvalidDataException>(() => other.Registry.Fetch(other.Registry.GetVersion("credit-scoring", "1")));

        // Then
        Assert.That(error!.Message, Does.Contain(Sha256("bundle v9")).And.Contain(version.BundleSha256));
        Assert.That(File.Exists(fixture.Temp[$"machines/b/artifacts/{run.Id}/model.mlbundle"]), Is.False);
    }

    [Test]
    public void Should_Keep_Artifacts_On_This_Machine_Alone_Without_A_Root()
    {
        // Given
        using var fixture = new TestStore(engine);
        var (_, version) = Registered(fixture);
        using var other = fixture.OnAnotherMachine("b");

        // When
        var bundle = other.Registry.Fetch(other.Registry.GetVersion("credit-scoring", "1"));

        // Then
        Assert.That((fixture.Store.ArtifactRoot, File.Exists(version.Source), File.Exists(bundle)), Is.EqualTo(((string?)null, true, false)));
    }

    [Test]
    public void Should_Refuse_A_Second_Root_Rather_Than_Split_The_Artifacts()
    {
        // Given
        using var fixture = new TestStore(engine, artifacts: "shared");
        fixture.Store.Dispose();

        // When
        var error = Assert.Throws<UsageException>(() => TrackingStore.Open(fixture.Location with { Artifacts = fixture.Temp["elsewhere"] }));

        // Then
        Assert.That(error!.Message, Is.EqualTo($"{fixture.Location.Display} keeps its artifacts in {fixture.Temp["shared"]}, " +
            $"but MLOPS_ARTIFACTS names {fixture.Temp["elsewhere"]}; unset MLOPS_ARTIFACTS, or set it to {fixture.Temp["shared"]}."));
    }

    [Test]
    public void Should_Register_No_Version_Whose_Bundle_Did_Not_Reach_The_Root()
    {
        // Given: the root cannot take files (it has become a file)
        using var fixture = new TestStore(engine, artifacts: "shared");
        Directory.Delete(fixture.Temp["shared"]);
        fixture.Temp.Write("shared", "not a folder");
        var run = fixture.FinishedRun();

        // When
        Assert.That(() => fixture.Store.Registry.RegisterBundle("credit-scoring", run.Id, "model.mlbundle", "candidate", "ci", (number, _, path) =>
        {
            File.WriteAllText(path, $"bundle v{number}");
            return Sha256($"bundle v{number}");
        }), Throws.InstanceOf<IOException>());

        // Then
        Assert.That(fixture.Store.Registry.Models(), Is.Empty);
        Assert.That(fixture.Store.Runs.GetRun(run.Id).Artifacts, Is.Empty);
    }

    [Test]
    public void Should_Keep_Every_Logged_Content_And_Replace_A_Stale_Copy_Of_The_Same_Size()
    {
        // Given: metrics.json logged, then logged again with a verdict of the same length; machine B holds the first as its copy
        using var fixture = new TestStore(engine, artifacts: "shared");
        var (run, _) = Registered(fixture);
        fixture.Store.Runs.LogArtifact(run.Id, fixture.Temp.Write("metrics.json", "{\"verdict\": \"pending\"}"));
        using var other = fixture.OnAnotherMachine("b");
        other.Runs.Fetch(other.Runs.GetRun(run.Id));
        fixture.Store.Runs.LogArtifact(run.Id, fixture.Temp.Write("metrics.json", "{\"verdict\": \"passed!\"}"));

        // When
        other.Runs.Fetch(other.Runs.GetRun(run.Id));

        // Then
        Assert.That(File.ReadAllText(fixture.Temp[$"machines/b/artifacts/{run.Id}/metrics.json"]), Is.EqualTo("{\"verdict\": \"passed!\"}"));
        Assert.That(Directory.GetFiles(fixture.Temp[$"shared/{run.Id}"], "metrics.json", SearchOption.AllDirectories), Has.Length.EqualTo(2));
    }

    [Test]
    public void Should_Refuse_A_Recorded_Folder_Root_This_Machine_Does_Not_See()
    {
        // Given: the store keeps its artifacts in a shared folder, which this machine has not mounted
        using var fixture = new TestStore(engine, artifacts: "shared");
        fixture.Store.Dispose();
        Directory.Delete(fixture.Temp["shared"], recursive: true);

        // When
        var error = Assert.Throws<UsageException>(() => fixture.OnAnotherMachine("b"));

        // Then
        Assert.That(error!.Message, Is.EqualTo($"{fixture.Location.Display} keeps its artifacts in {fixture.Temp["shared"]}, which does not exist " +
            "on this machine: mount the shared folder there (without it no other machine's artifacts can be found), " +
            $"or set MLOPS_ARTIFACTS={fixture.Temp["shared"]} to make it here."));
        Assert.That(Directory.Exists(fixture.Temp["shared"]), Is.False);
    }

    private static (RunRecord Run, ModelVersion Version) Registered(TestStore fixture)
    {
        var run = fixture.FinishedRun();
        var version = fixture.Store.Registry.RegisterBundle("credit-scoring", run.Id, "model.mlbundle", "candidate", "ci", (number, _, path) =>
        {
            File.WriteAllText(path, $"bundle v{number}");
            return Sha256($"bundle v{number}");
        });
        return (run, version);
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
