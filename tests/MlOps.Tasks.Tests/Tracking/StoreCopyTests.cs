using System.Globalization;
using System.Security.Cryptography;
using MlOps.Tasks.Pipeline;
using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Tests.Tracking;

/// <summary>A machine's SQLite store copied into another store (SQLite or PostgreSQL): the same history, once, or not at all.</summary>
[TestFixture(Engine.Sqlite)]
[TestFixture(Engine.Postgres)]
public sealed class StoreCopyTests(Engine engine)
{
    private const string Model = "credit-scoring";

    private static readonly string[] Tables =
    [
        "runs", "params", "metrics", "tags", "artifacts", "registered_models", "model_versions", "aliases", "alias_history", "deployments",
        "deployment_starts", "version_marks", "deployment_ends",
    ];

    [Test]
    public void Should_Give_The_Target_The_Same_Runs_Versions_Alias_History_And_Deployments()
    {
        // Given
        using var source = new TestStore();
        var (first, second) = History(source);
        using var target = new TestStore(engine);

        // When
        var report = StoreCopy.Copy(source.Store, target.Location);

        // Then
        Assert.That(report, Is.EqualTo(new StoreCopyReport
        {
            Target = target.Store.Database, Runs = 2, RunsPresent = 0, Versions = 2, VersionsPresent = 0, AliasMoves = 6, Deployments = 3,
            ArtifactsCopied = 3, ArtifactsPresent = 0,
        }));
        Assert.That(Versions(target.Store), Is.EqualTo(Versions(source.Store)));
        Assert.That(target.Store.Registry.AliasHistory(Model), Is.EqualTo(source.Store.Registry.AliasHistory(Model)));
        Assert.That(target.Store.Deployments.OfModel(Model), Is.EqualTo(source.Store.Deployments.OfModel(Model)));
        var rollback = target.Store.Deployments.OfModel(Model)[^1];
        Assert.That(target.Store.Deployments.MarkOf(Model, "local", 2)?.DeploymentId, Is.EqualTo(rollback.Id));
        Assert.That(target.Store.Deployments.EndOf(rollback.Id)?.Reason, Is.EqualTo("undeployed"));
        Assert.That(target.Store.Deployments.Starts(Model, "local").Select(start => start.Key), Is.EqualTo(new[] { "start-1" }));
        foreach (var run in new[] { first, second })
        {
            Assert.That(Described(target.Store.Runs.FindRun(run)!), Is.EqualTo(Described(source.Store.Runs.FindRun(run)!)));
        }

        foreach (var version in target.Store.Registry.Models().Single().Versions)
        {
            Assert.That(version.Source, Does.StartWith(target.Directory), "the bundle is the target's run artifact");
            Assert.That(File.ReadAllText(target.Store.Registry.Fetch(version)), Is.EqualTo($"bundle v{version.Version}"));
        }
    }

    [Test]
    public void Should_Change_Nothing_When_Copied_Again()
    {
        // Given
        using var source = new TestStore();
        History(source);
        using var target = new TestStore(engine);
        StoreCopy.Copy(source.Store, target.Location);
        var rows = Counts(target);
        var moves = target.Store.Registry.AliasHistory(Model);

        // When
        var report = StoreCopy.Copy(source.Store, target.Location);

        // Then
        Assert.That(report, Is.EqualTo(new StoreCopyReport
        {
            Target = target.Store.Database, Runs = 0, RunsPresent = 2, Versions = 0, VersionsPresent = 2, AliasMoves = 0, Deployments = 0,
            ArtifactsCopied = 0, ArtifactsPresent = 0,
        }));
        Assert.That(Counts(target), Is.EqualTo(rows));
        Assert.That(target.Store.Registry.AliasHistory(Model), Is.EqualTo(moves));
    }

    [Test]
    public void Should_Copy_Only_What_Is_New_When_Copied_Again_After_More_Work_Keeping_The_Targets_Aliases()
    {
        // Given: copied once; then here v3 is registered and staging moved to it, while the team moved staging to v1
        using var source = new TestStore();
        History(source);
        using var target = new TestStore(engine);
        StoreCopy.Copy(source.Store, target.Location);
        target.Store.Registry.SetAlias(Model, "staging", 1, "bo", "v2 regressed");
        var third = source.Register(Model);
        source.Store.Registry.SetAlias(Model, "staging", 3, "ana");

        // When
        var report = StoreCopy.Copy(source.Store, target.Location);

        // Then
        Assert.That((report.Runs, report.RunsPresent, report.Versions, report.VersionsPresent, report.AliasMoves), Is.EqualTo((1, 2, 1, 2, 2)));
        Assert.That(target.Store.Registry.GetVersion(Model, "v3").RunId, Is.EqualTo(third.RunId));
        Assert.That(target.Store.Registry.GetVersion(Model, "staging").Version, Is.EqualTo(1));
        Assert.That(target.Store.Registry.AliasHistory(Model).TakeLast(2).Select(move => $"{move.Alias} {move.FromVersion} -> {move.ToVersion}"),
            Is.EqualTo(new[] { "candidate 2 -> 3", "staging 2 -> 3" }));
    }

    [Test]
    public void Should_Refuse_A_Target_With_Another_History_For_The_Model_And_Write_Nothing()
    {
        // Given: the target registered its own v1 of the model
        using var source = new TestStore();
        var (first, _) = History(source);
        using var target = new TestStore(engine);
        var theirs = target.Register(Model);
        var rows = Counts(target);

        // When
        var error = Assert.Throws<UsageException>(() => StoreCopy.Copy(source.Store, target.Location));

        // Then
        Assert.That(error.Message, Is.EqualTo(
            $"{target.Store.Database} already has another history for model 'credit-scoring': its v1 is run {theirs.RunId}, but v1 here is run {first}. " +
            "Versions cannot be renumbered (a bundle embeds its version number); nothing was copied. " +
            "Copy to another store, or register this model under another name."));
        Assert.That(Counts(target), Is.EqualTo(rows));
        Assert.That(Directory.Exists(Path.Combine(target.Directory, "artifacts", first)), Is.False);
    }

    [Test]
    public void Should_Upload_The_Artifacts_To_A_Target_With_An_Artifact_Root()
    {
        // Given
        using var source = new TestStore();
        var (first, second) = History(source);
        using var target = new TestStore(engine, artifacts: "shared");

        // When
        var report = StoreCopy.Copy(source.Store, target.Location);

        // Then
        Assert.That((report.ArtifactsCopied, report.ArtifactsPresent), Is.EqualTo((3, 0)));
        Assert.That(Uploaded(target, first, "model.mlbundle"), Is.EqualTo(new[] { "bundle v1" }));
        Assert.That(Uploaded(target, second, "model.mlbundle"), Is.EqualTo(new[] { "bundle v2" }));
        Assert.That(Uploaded(target, first, "metrics.json"), Has.Length.EqualTo(1));
        using var other = target.OnAnotherMachine("b");
        var bundle = other.Registry.Fetch(other.Registry.GetVersion(Model, "v1"));
        Assert.That(bundle, Is.EqualTo(target.Temp[$"machines/b/artifacts/{first}/model.mlbundle"]));
        Assert.That(File.ReadAllText(bundle), Is.EqualTo("bundle v1"));
    }

    [Test]
    public void Should_Refuse_An_Artifact_Missing_Here_Naming_It()
    {
        // Given
        using var source = new TestStore();
        var (first, _) = History(source);
        var missing = Path.Combine(source.Directory, "artifacts", first, "metrics.json");
        File.Delete(missing);
        using var target = new TestStore(engine);
        var rows = Counts(target);

        // When
        var error = Assert.Throws<UsageException>(() => StoreCopy.Copy(source.Store, target.Location));

        // Then
        Assert.That(error.Message, Is.EqualTo($"{missing} is missing: run {first} recorded artifact 'metrics.json' (13 bytes), and " +
            $"{target.Store.Database} needs it for every machine; restore the file and copy again; no row was copied."));
        Assert.That(Counts(target), Is.EqualTo(rows));
    }

    // Two runs with params, metrics, tags and artifacts; v1 registered by an older build (its bundle named by its path), v2 as runs:/…;
    // staging moved by hand; v1 deployed, replaced by v2, rolled back to v1 (v2 marked), then undeployed.
    private static (string First, string Second) History(TestStore store)
    {
        var runs = store.Store.Runs;
        var first = store.FinishedRun().Id;
        runs.LogParams(first, new Dictionary<string, string> { ["trainer"] = "FastTree", ["seed"] = "42" });
        runs.LogMetric(first, "auc", 0.79, step: 0);
        runs.LogMetric(first, "auc", 0.81, step: 1);
        runs.SetTags(first, new Dictionary<string, string> { ["git.commit"] = "3f2a" });
        runs.LogArtifact(first, store.Temp.Write("metrics.json", "{\"auc\": 0.81}"));
        var old = runs.LogArtifact(first, store.Temp.Write("model.mlbundle", "bundle v1"));
        store.Store.Registry.RegisterVersion(Model, first, old.Path, old.Sha256, "candidate", "ci");

        var second = store.FinishedRun().Id;
        runs.LogParams(second, new Dictionary<string, string> { ["trainer"] = "LightGbm" });
        runs.LogMetric(second, "auc", 0.84);
        store.Store.Registry.RegisterBundle(Model, second, "model.mlbundle", "candidate", "ci", (version, _, path) =>
        {
            File.WriteAllText(path, $"bundle v{version}");
            return Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
        });
        store.Store.Registry.SetAlias(Model, "staging", 2, "ana", "passed the gates");

        var deployments = store.Store.Deployments;
        deployments.RecordStart(new DeploymentStart
        {
            Key = "start-1", Model = Model, Environment = "local", Kind = EnvironmentKind.Local, Action = DeploymentAction.Deploy, Version = 1,
            Folder = "/store/deployments/local/x", Host = "laptop",
        });
        var deployed = deployments.RecordDeployment(TestDeployments.Record(1), "production");
        var replaced = deployments.RecordDeployment(TestDeployments.Record(2, replaces: deployed.Id), "production");
        var rollback = deployments.RecordDeployment(TestDeployments.Record(1, replaces: replaced.Id, action: DeploymentAction.Rollback), "production");
        deployments.Mark(Model, "local", 2, rollback.Id, "ci");
        deployments.RecordEnd(rollback.Id, "ci", "undeployed");
        return (first, second);
    }

    // A version as every store shows it; its source is the store's own path to the bundle.
    private static List<string> Versions(TrackingStore store) => [.. store.Registry.Models().Single().Versions.Select(version =>
        $"{version.DisplayName} {version.RunId} {version.BundleSha256} {version.RegisteredBy} {string.Join(",", version.Aliases)} " +
        Path.GetFileName(version.Source))];

    private static string Described(RunRecord run) =>
        $"{run.Id} {run.Experiment} {run.Status} {run.Start:O} {run.End:O} " +
        string.Join(",", run.Params.Select(pair => $"{pair.Key}={pair.Value}")) + " " +
        string.Join(",", run.Metrics.Select(pair => string.Create(CultureInfo.InvariantCulture, $"{pair.Key}={pair.Value}"))) + " " +
        string.Join(",", run.Tags.Select(pair => $"{pair.Key}={pair.Value}")) + " " +
        string.Join(",", run.Artifacts.Select(artifact => $"{artifact.Name}:{artifact.Size}:{artifact.Sha256}:{artifact.Logged:O}"));

    private static string Counts(TestStore store) =>
        string.Join(", ", Tables.Select(table => $"{table} {store.Sql($"SELECT COUNT(*) FROM {table}")}"));

    // The contents uploaded as the run's artifact <name>: <root>/<run>/<sha256>/<name>.
    private static string[] Uploaded(TestStore target, string runId, string name) =>
        [.. Directory.GetFiles(target.Temp[$"shared/{runId}"], name, SearchOption.AllDirectories).Select(File.ReadAllText)];
}
