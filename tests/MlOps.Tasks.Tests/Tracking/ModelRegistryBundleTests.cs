namespace MlOps.Tasks.Tests.Tracking;

[TestFixture(Engine.Sqlite)]
[TestFixture(Engine.Postgres)]
public sealed class ModelRegistryBundleTests(Engine engine)
{
    [Test]
    public void Should_Give_The_Bundle_Its_Version_And_Store_It_With_The_Run()
    {
        // Given
        using var fixture = new TestStore(engine);
        var run = fixture.FinishedRun();

        // When
        var version = fixture.Store.Registry.RegisterBundle("credit-scoring", run.Id, "model.mlbundle", "candidate", "ci", (number, created, path) =>
        {
            File.WriteAllText(path, $"v{number} at {created:O}");
            return new string('b', 64);
        });

        // Then
        var artifact = fixture.Store.Runs.GetRun(run.Id).Artifacts.Single();
        Assert.That(File.ReadAllText(version.Source), Is.EqualTo($"v1 at {TestStore.Start:O}"));
        Assert.That((artifact.Name, artifact.Path, artifact.Sha256), Is.EqualTo(("model.mlbundle", version.Source, version.BundleSha256)));
        Assert.That(Directory.GetFiles(Path.GetDirectoryName(version.Source)!), Is.EqualTo(new[] { version.Source }));
    }

    [Test]
    public void Should_Register_Nothing_When_Writing_The_Bundle_Fails()
    {
        // Given
        using var fixture = new TestStore(engine);
        var run = fixture.FinishedRun();

        // When
        Assert.Throws<IOException>(() => fixture.Store.Registry.RegisterBundle("credit-scoring", run.Id, "model.mlbundle", "candidate", "ci",
            (_, _, path) =>
            {
                File.WriteAllText(path, "half");
                throw new IOException("disk full");
            }));

        // Then
        Assert.That(fixture.Store.Registry.Models(), Is.Empty);
        Assert.That(fixture.Store.Runs.GetRun(run.Id).Artifacts, Is.Empty);
        Assert.That(Directory.Exists(Path.Combine(fixture.Directory, "artifacts", run.Id))
            ? Directory.GetFiles(Path.Combine(fixture.Directory, "artifacts", run.Id)) : [], Is.Empty);
        Assert.That(fixture.Register().Version, Is.EqualTo(1));
    }
}
