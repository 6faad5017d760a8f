using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Tests.Tracking;

/// <summary>Real processes writing to one store: what concurrent builds and killed builds do.</summary>
[Category("Slow")]
[TestFixture(Engine.Sqlite)]
[TestFixture(Engine.Postgres)]
public sealed class TrackingStoreProcessTests(Engine engine)
{
    [Test]
    public void Should_Lose_No_Write_And_Reuse_No_Number_When_Two_Processes_Write_At_Once()
    {
        // Given: two writers that meet after their first version, so they overlap however loaded the machine is
        using var fixture = new TestStore(engine);
        using var first = StoreWriterProcess.Start(fixture, 50, "first", meet: 2);
        using var second = StoreWriterProcess.Start(fixture, 50, "second", meet: 2);

        // When
        first.Go();
        second.Go();
        var exitCodes = new[] { first.WaitForExit(), second.WaitForExit() };

        // Then
        Assert.That(exitCodes, Is.EqualTo(new[] { 0, 0 }), first.Errors + second.Errors);
        var oneToHundred = Enumerable.Range(1, 100).ToArray();
        Assert.That(first.Versions.Concat(second.Versions).Order(), Is.EqualTo(oneToHundred));
        Assert.That(new[] { first.Versions[0], second.Versions[0] }.Order(), Is.EqualTo(new[] { 1, 2 }), "the writers overlapped, so numbering was contended");
        var model = fixture.Store.Registry.Models().Single();
        Assert.That(model.Versions.Select(version => version.Version), Is.EqualTo(oneToHundred));
        Assert.That(model.WithAlias("candidate")?.Version, Is.EqualTo(100));
        var runs = fixture.Store.Runs.InExperiment("store-writer");
        Assert.That(model.Versions.Select(version => version.RunId), Is.EquivalentTo(runs.Select(run => run.Id)));
        foreach (var run in runs)
        {
            var writer = run.Tags["writer"];
            Assert.That((run.Status, run.Params["writer"], run.Metrics["loss"]), Is.EqualTo((RunStatus.Finished, writer, 0.2)));
            Assert.That(fixture.Store.Runs.MetricHistory(run.Id, "loss").Select(point => point.Step), Is.EqualTo(new long[] { 0, 1, 2, 3, 4 }));
        }

        // 100 registrations, and a move to staging in rounds 2, 5, …, 47 of each writer.
        Assert.That(fixture.Store.Registry.AliasHistory("m"), Has.Count.EqualTo(100 + (2 * 16)));
        Assert.That(fixture.Store.IntegrityCheck(), Is.EqualTo("ok"));
    }

    [Test]
    public void Should_Stay_Consistent_When_A_Writer_Is_Killed_At_Any_Moment()
    {
        // Given
        using var fixture = new TestStore(engine);
        var random = new Random(2718);
        var printed = new List<int>();

        for (var round = 0; round < 10; round++)
        {
            fixture.Store.Dispose();
            using (var writer = StoreWriterProcess.Start(fixture, 1_000_000, $"round-{round}"))
            {
                writer.Go();
                writer.WaitForFirstVersion();
                Thread.Sleep(random.Next(0, 250));

                // When
                writer.Kill();
                printed.AddRange(writer.Versions);
            }

            // Then
            var store = fixture.Reopen();
            Assert.That(store.IntegrityCheck(), Is.EqualTo("ok"), $"round {round}");
            Assert.That(fixture.ForeignKeyProblems(), Is.Null, $"round {round}");
            var versions = store.Registry.Models().Single().Versions;
            Assert.That(versions.Select(version => version.Version), Is.EqualTo(Enumerable.Range(1, versions.Count)), $"round {round}");
            Assert.That(printed, Is.SubsetOf(versions.Select(version => version.Version)), $"round {round}: a committed version is missing");
            var registrations = store.Registry.AliasHistory("m")
                .Where(move => move.Reason == $"registered v{move.ToVersion}").Select(move => move.ToVersion);
            Assert.That(registrations, Is.EqualTo(versions.Select(version => version.Version)), $"round {round}: a version without its history");
            Assert.That(versions.Where(version => store.Runs.FindRun(version.RunId) is null), Is.Empty, $"round {round}: a version without its run");
            Assert.That(versions.Where(version => version.RegisteredBy != "ci").Where(version => !File.Exists(version.Source)
                || Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(version.Source))) != version.BundleSha256),
                Is.Empty, $"round {round}: a version without its complete bundle");
            Assert.That(fixture.Register("m").Version, Is.EqualTo(versions.Count + 1), $"round {round}");
        }
    }
}
