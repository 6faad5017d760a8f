using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Tests.Tracking;

[TestFixture(Engine.Sqlite)]
[TestFixture(Engine.Postgres)]
public sealed class RunLogArtifactsTests(Engine engine)
{
    // SHA-256 of "hello\n".
    private const string HelloSha256 = "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03";

    [Test]
    public void Should_Copy_The_File_Under_The_Run_And_Record_Size_And_Sha256()
    {
        // Given
        using var fixture = new TestStore(engine);
        var run = fixture.Store.Runs.StartRun("credit-scoring");
        var source = fixture.Temp.Write("out/metrics.json", "hello\n");

        // When
        var artifact = fixture.Store.Runs.LogArtifact(run.Id, source, "eval/metrics.json");

        // Then
        var path = Path.Combine(fixture.Directory, "artifacts", run.Id, "eval", "metrics.json");
        Assert.That(artifact, Is.EqualTo(new ArtifactRecord(run.Id, "eval/metrics.json", path, 6, HelloSha256, TestStore.Start)));
        Assert.That(File.ReadAllText(path), Is.EqualTo("hello\n"));
        Assert.That(fixture.Store.Runs.FindRun(run.Id)!.Artifacts, Is.EqualTo(new[] { artifact }));
        Assert.That(fixture.Store.Runs.ArtifactPath(run.Id, "eval/metrics.json"), Is.EqualTo(path));
        Assert.That(Directory.GetFiles(Path.GetDirectoryName(path)!), Is.EqualTo(new[] { path }), "no temporary file is left");
    }

    [Test]
    public void Should_Replace_An_Artifact_Logged_Again_Under_The_Same_Name()
    {
        // Given
        using var fixture = new TestStore(engine);
        var run = fixture.Store.Runs.StartRun("credit-scoring");
        fixture.Store.Runs.LogArtifact(run.Id, fixture.Temp.Write("model.zip", "old model"));

        // When
        var artifact = fixture.Store.Runs.LogArtifact(run.Id, fixture.Temp.Write("model.zip", "hello\n"));

        // Then
        Assert.That((artifact.Name, artifact.Size, artifact.Sha256), Is.EqualTo(("model.zip", 6L, HelloSha256)));
        Assert.That(fixture.Store.Runs.FindRun(run.Id)!.Artifacts, Is.EqualTo(new[] { artifact }));
        Assert.That(File.ReadAllText(artifact.Path), Is.EqualTo("hello\n"));
    }

    [TestCase("../escape.txt")]
    [TestCase("a/./b.txt")]
    [TestCase("/etc/passwd")]
    public void Should_Refuse_A_Name_That_Leaves_The_Run_Folder(string name)
    {
        // Given
        using var fixture = new TestStore(engine);
        var run = fixture.Store.Runs.StartRun("credit-scoring");
        var source = fixture.Temp.Write("file.txt", "x");

        // When
        var error = Assert.Throws<UsageException>(() => fixture.Store.Runs.LogArtifact(run.Id, source, name));

        // Then
        Assert.That(error.Message, Is.EqualTo($"Artifact name '{name}' must be a relative path inside the run's folder, without '.' or '..' parts."));
    }

    [Test]
    public void Should_Name_The_Artifacts_A_Run_Has_When_Asked_For_Another()
    {
        // Given
        using var fixture = new TestStore(engine);
        var run = fixture.Store.Runs.StartRun("credit-scoring");
        fixture.Store.Runs.LogArtifact(run.Id, fixture.Temp.Write("model.zip", "m"));
        fixture.Store.Runs.LogArtifact(run.Id, fixture.Temp.Write("metrics.json", "{}"));

        // When
        var error = Assert.Throws<UsageException>(() => fixture.Store.Runs.ArtifactPath(run.Id, "schema.json"));

        // Then
        Assert.That(error.Message, Is.EqualTo($"Run '{run.Id}' has no artifact 'schema.json'; artifacts: metrics.json, model.zip."));
    }

    [Test]
    public void Should_Refuse_A_Source_File_That_Does_Not_Exist()
    {
        // Given
        using var fixture = new TestStore(engine);
        var run = fixture.Store.Runs.StartRun("credit-scoring");
        var missing = fixture.Temp["missing.zip"];

        // When
        var error = Assert.Throws<UsageException>(() => fixture.Store.Runs.LogArtifact(run.Id, missing));

        // Then
        Assert.That(error.Message, Is.EqualTo($"Cannot log artifact 'missing.zip': '{missing}' does not exist."));
    }
}
