using MlOps.Tasks.Tracking;

namespace MlOps.Build.Tests;

/// <summary>Migrate copies the repository's store into the store --to names, once, its artifacts to the root MLOPS_ARTIFACTS names.</summary>
[Category("Slow")]
public sealed class MigrateProgramTests
{
    [Test]
    public void Should_Copy_The_Store_Into_The_Target_And_Its_Artifact_Root_And_Nothing_More_When_Run_Again()
    {
        // Given: a store with one run and its registered bundle
        using var build = new BuildProgram();
        build.Environment[StoreLocation.StoreVariable] = "";
        build.Environment[StoreLocation.ArtifactsVariable] = "shared";
        string runId;
        using (var store = TrackingStore.Open(build.Repository[".mlops"]))
        {
            runId = store.Runs.StartRun("credit-scoring").Id;
            store.Runs.EndRun(runId, RunStatus.Finished);
            var bundle = store.Runs.LogArtifact(runId, build.Repository.Write("model.mlbundle", "bundle v1"));
            store.Registry.RegisterVersion("credit-scoring", runId, bundle.Path, bundle.Sha256, "candidate", "ci");
        }

        // When
        var first = build.Run("--target=Migrate", "--to=sqlite:///team/mlops.db");
        var second = build.Run("--target=Migrate", "--to=sqlite:///team/mlops.db");

        // Then
        Assert.That(first.ExitCode, Is.Zero, first.Output + first.Errors);
        Assert.That(first.Output, Does.Contain(
            "mlops.db: 1 runs copied (0 there already), 1 versions (0 there already), 1 alias moves, 0 deployments, 1 artifacts copied (0 there already)"));
        Assert.That(second.ExitCode, Is.Zero, second.Output + second.Errors);
        Assert.That(second.Output, Does.Contain(
            "mlops.db: 0 runs copied (1 there already), 0 versions (1 there already), 0 alias moves, 0 deployments, 0 artifacts copied (0 there already)"));
        Assert.That(Directory.GetFiles(build.Repository[$"shared/{runId}"], "model.mlbundle", SearchOption.AllDirectories).Select(File.ReadAllText),
            Is.EqualTo(new[] { "bundle v1" }), "uploaded to <root>/<run>/<sha256>/model.mlbundle");
        using (var local = TrackingStore.Open(build.Repository[".mlops"]))
        {
            Assert.That(local.ArtifactRoot, Is.Null, "the root is the target's, not this store's");
        }

        using var team = TrackingStore.Open(build.Repository["team"]);
        Assert.That(team.ArtifactRoot, Is.EqualTo(build.Repository["shared"]));
        var version = team.Registry.GetVersion("credit-scoring", "candidate");
        Assert.That((version.Version, version.RunId), Is.EqualTo((1, runId)));
        Assert.That(File.ReadAllText(team.Registry.Fetch(version)), Is.EqualTo("bundle v1"));
    }
}
