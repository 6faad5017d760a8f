using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Tests.Tracking;

public sealed class RunLogTests
{
    [TestFixture(Engine.Sqlite)]
    [TestFixture(Engine.Postgres)]
    public sealed class StartRun(Engine engine)
    {
        [Test]
        public void Should_Start_A_Running_Run_With_A_Hex_Id_Like_Mlflow()
        {
            // Given
            using var fixture = new TestStore(engine);

            // When
            var run = fixture.Store.Runs.StartRun("credit-scoring", "baseline");

            // Then
            Assert.That(run.Id, Does.Match("^[0-9a-f]{32}$"));
            Assert.That(run.Status, Is.EqualTo(RunStatus.Running));
            Assert.That(run.Start, Is.EqualTo(TestStore.Start));
            Assert.That(run.End, Is.Null);
            Assert.That(run.Duration, Is.Null);
            var stored = fixture.Store.Runs.FindRun(run.Id)!;
            Assert.That((stored.Experiment, stored.Name, stored.Status, stored.Start), Is.EqualTo(("credit-scoring", "baseline", RunStatus.Running, TestStore.Start)));
        }
    }

    [TestFixture(Engine.Sqlite)]
    [TestFixture(Engine.Postgres)]
    public sealed class EndRun(Engine engine)
    {
        [TestCase(RunStatus.Finished)]
        [TestCase(RunStatus.Failed)]
        [TestCase(RunStatus.Killed)]
        public void Should_Record_The_Status_End_And_Duration(RunStatus status)
        {
            // Given
            using var fixture = new TestStore(engine);
            var run = fixture.Store.Runs.StartRun("credit-scoring");
            fixture.Clock.Advance(TimeSpan.FromSeconds(90));

            // When
            fixture.Store.Runs.EndRun(run.Id, status);

            // Then
            var ended = fixture.Store.Runs.FindRun(run.Id)!;
            Assert.That(ended.Status, Is.EqualTo(status));
            Assert.That(ended.End, Is.EqualTo(TestStore.Start.AddSeconds(90)));
            Assert.That(ended.Duration, Is.EqualTo(TimeSpan.FromSeconds(90)));
        }

        [Test]
        public void Should_Refuse_A_Run_That_Does_Not_Exist()
        {
            // Given
            using var fixture = new TestStore(engine);

            // When
            var error = Assert.Throws<UsageException>(() => fixture.Store.Runs.EndRun(new string('e', 32), RunStatus.Finished));

            // Then
            Assert.That(error.Message, Is.EqualTo($"Run 'eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee' does not exist in {fixture.Store.Database}."));
        }
    }

    [TestFixture(Engine.Sqlite)]
    [TestFixture(Engine.Postgres)]
    public sealed class LogParams(Engine engine)
    {
        [Test]
        public void Should_Keep_Params_And_Accept_The_Same_Value_Again()
        {
            // Given
            using var fixture = new TestStore(engine);
            var run = fixture.Store.Runs.StartRun("credit-scoring");

            // When
            fixture.Store.Runs.LogParams(run.Id, new Dictionary<string, string> { ["trainer"] = "lightgbm", ["seed"] = "42" });
            fixture.Store.Runs.LogParams(run.Id, new Dictionary<string, string> { ["seed"] = "42" });

            // Then
            Assert.That(fixture.Store.Runs.FindRun(run.Id)!.Params,
                Is.EqualTo(new Dictionary<string, string> { ["seed"] = "42", ["trainer"] = "lightgbm" }));
        }

        [Test]
        public void Should_Refuse_To_Change_A_Param_And_Keep_None_Of_The_Batch()
        {
            // Given
            using var fixture = new TestStore(engine);
            var run = fixture.Store.Runs.StartRun("credit-scoring");
            fixture.Store.Runs.LogParams(run.Id, new Dictionary<string, string> { ["seed"] = "42" });

            // When
            var error = Assert.Throws<UsageException>(() =>
                fixture.Store.Runs.LogParams(run.Id, new Dictionary<string, string> { ["trainer"] = "sdca", ["seed"] = "7" }));

            // Then
            Assert.That(error.Message, Is.EqualTo(
                $"Run '{run.Id}' already has param 'seed' = '42'; params cannot change (got '7'). Start a new run to try other values."));
            Assert.That(fixture.Store.Runs.FindRun(run.Id)!.Params, Is.EqualTo(new Dictionary<string, string> { ["seed"] = "42" }));
        }
    }

    [TestFixture(Engine.Sqlite)]
    [TestFixture(Engine.Postgres)]
    public sealed class SetTags(Engine engine)
    {
        [Test]
        public void Should_Replace_The_Value_Of_A_Tag_Set_Again()
        {
            // Given
            using var fixture = new TestStore(engine);
            var run = fixture.Store.Runs.StartRun("credit-scoring");
            fixture.Store.Runs.SetTags(run.Id, new Dictionary<string, string> { ["git.commit"] = "3f2a", ["data.md5"] = "9c07" });

            // When
            fixture.Store.Runs.SetTags(run.Id, new Dictionary<string, string> { ["git.commit"] = "b1e4" });

            // Then
            Assert.That(fixture.Store.Runs.FindRun(run.Id)!.Tags,
                Is.EqualTo(new Dictionary<string, string> { ["data.md5"] = "9c07", ["git.commit"] = "b1e4" }));
        }
    }

    [TestFixture(Engine.Sqlite)]
    [TestFixture(Engine.Postgres)]
    public sealed class InExperiment(Engine engine)
    {
        [Test]
        public void Should_List_The_Runs_Of_An_Experiment_Newest_First()
        {
            // Given
            using var fixture = new TestStore(engine);
            var first = fixture.Store.Runs.StartRun("credit-scoring");
            fixture.Store.Runs.StartRun("churn");
            fixture.Clock.Advance(TimeSpan.FromMinutes(1));
            var second = fixture.Store.Runs.StartRun("credit-scoring");
            var third = fixture.Store.Runs.StartRun("credit-scoring");

            // When
            var runs = fixture.Store.Runs.InExperiment("credit-scoring");

            // Then
            Assert.That(runs.Select(run => run.Id), Is.EqualTo(new[] { third.Id, second.Id, first.Id }));
        }

        [Test]
        public void Should_Leave_Out_Child_Runs_Which_Their_Parent_Lists()
        {
            // Given: a run with two trials of its sweep, tagged as MLflow nests runs
            using var fixture = new TestStore(engine);
            var parent = fixture.Store.Runs.StartRun("credit-scoring");
            var children = Enumerable.Range(0, 2).Select(_ =>
            {
                fixture.Clock.Advance(TimeSpan.FromSeconds(1));
                var child = fixture.Store.Runs.StartRun("credit-scoring");
                fixture.Store.Runs.SetTags(child.Id, new Dictionary<string, string> { [RunLog.ParentRunTag] = parent.Id });
                return child.Id;
            }).ToList();

            // When
            var runs = fixture.Store.Runs.InExperiment("credit-scoring");
            var listed = fixture.Store.Runs.ChildrenOf(parent.Id);

            // Then
            Assert.That(runs.Select(run => run.Id), Is.EqualTo(new[] { parent.Id }));
            Assert.That(listed.Select(run => run.Id), Is.EqualTo(children), "oldest first");
        }
    }

    [TestFixture(Engine.Sqlite)]
    [TestFixture(Engine.Postgres)]
    public sealed class LatestFinishedRunWithTag(Engine engine)
    {
        [Test]
        public void Should_Find_The_Newest_Finished_Run_With_The_Fingerprint()
        {
            // Given
            using var fixture = new TestStore(engine);
            var tag = new Dictionary<string, string> { ["fingerprint"] = "f1" };
            var older = fixture.Store.Runs.StartRun("credit-scoring");
            fixture.Store.Runs.SetTags(older.Id, tag);
            fixture.Store.Runs.EndRun(older.Id, RunStatus.Finished);
            fixture.Clock.Advance(TimeSpan.FromMinutes(1));
            var newer = fixture.Store.Runs.StartRun("credit-scoring");
            fixture.Store.Runs.SetTags(newer.Id, tag);
            fixture.Store.Runs.EndRun(newer.Id, RunStatus.Finished);
            fixture.Clock.Advance(TimeSpan.FromMinutes(1));
            foreach (var status in new[] { RunStatus.Failed, RunStatus.Running })
            {
                var unfinished = fixture.Store.Runs.StartRun("credit-scoring");
                fixture.Store.Runs.SetTags(unfinished.Id, tag);
                if (status != RunStatus.Running)
                {
                    fixture.Store.Runs.EndRun(unfinished.Id, status);
                }
            }

            // When
            var found = fixture.Store.Runs.LatestFinishedRunWithTag("credit-scoring", "fingerprint", "f1");

            // Then
            Assert.That(found?.Id, Is.EqualTo(newer.Id));
            Assert.That(fixture.Store.Runs.LatestFinishedRunWithTag("credit-scoring", "fingerprint", "f2"), Is.Null);
            Assert.That(fixture.Store.Runs.LatestFinishedRunWithTag("churn", "fingerprint", "f1"), Is.Null);
        }
    }
}
