using MlOps.Tasks.Monitoring;
using MlOps.Tasks.Pipeline;
using MlOps.Tasks.Tests.Tracking;
using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Tests.Monitoring;

public sealed class MonitorInputsTests
{
    private const string Trained = "income\n1\n2\n";

    // md5sum of {Trained}.
    private const string TrainedMd5 = "eb22ad7e86ad9f84e8ea74fd9b992763";

    private static readonly PipelineDefinition WithCurrent =
        MonitorPipelines.Load("name: credit-scoring\ndata:\n  path: data\n  table: data/table.csv\n  current: data/current.csv\n");

    private static readonly PipelineDefinition WithoutCurrent = MonitorPipelines.Load("name: credit-scoring\ndata:\n  path: data\n  table: data/table.csv\n");

    /// <summary>Registers v1 from a run that records <paramref name="md5"/> as its data, and deploys it to 'local'.</summary>
    private static DeploymentRecord Deploy(TestStore fixture, string? md5)
    {
        var version = fixture.Register();
        if (md5 is not null)
        {
            fixture.Store.Runs.SetTags(version.RunId, new Dictionary<string, string> { ["mlops.data.md5"] = md5 });
        }

        return fixture.Store.Deployments.RecordDeployment(new DeploymentRecord
        {
            Key = Guid.CreateVersion7().ToString("N"),
            Folder = fixture.Temp[".mlops/deployments/local/1"],
            Model = "credit-scoring",
            Environment = "local",
            Kind = EnvironmentKind.Local,
            Action = DeploymentAction.Deploy,
            Serving = true,
            Version = version.Version,
            BundleSha256 = new string('a', 64),
            Server = "/store/servers/abc",
            Address = "http://127.0.0.1:5080",
            RunsAs = "4242",
            DeployedBy = "ci",
        }, "production");
    }

    private static MonitorInputs Resolve(TestStore fixture, PipelineDefinition pipeline, string? reference = null, string? current = null) =>
        MonitorInputs.Resolve(fixture.Temp.Path, pipeline, fixture.Store, "local", reference, current);

    private static string Fails(TestStore fixture, PipelineDefinition pipeline, string? reference = null, string? current = null) =>
        Assert.Throws<UsageException>(() => Resolve(fixture, pipeline, reference, current))!.Message;

    public sealed class Nothing_Deployed
    {
        [Test]
        public void Should_Compare_Data_Current_With_Data_Table()
        {
            // Given
            using var fixture = new TestStore();
            fixture.Temp.Write("data/table.csv", Trained);
            fixture.Temp.Write("data/current.csv", Trained);

            // When
            var inputs = Resolve(fixture, WithCurrent);

            // Then
            Assert.That(inputs, Is.EqualTo(new MonitorInputs
            {
                ReferencePath = fixture.Temp["data/table.csv"],
                ReferenceShown = "data/table.csv (the newest validated data; nothing is deployed)",
                CurrentPath = fixture.Temp["data/current.csv"],
                CurrentShown = "data/current.csv (data.current; nothing is deployed to 'local')",
            }));
        }

        [Test]
        public void Should_Ask_For_A_Batch_Without_Data_Current()
        {
            // Given
            using var fixture = new TestStore();
            fixture.Temp.Write("data/table.csv", Trained);

            // When
            var error = Fails(fixture, WithoutCurrent);

            // Then
            Assert.That(error, Is.EqualTo("Nothing is deployed to 'local' and pipelines/p.yaml names no data.current: " +
                "pass --current=<csv> (a batch of recent rows), or deploy first so that Monitor reads the server's logged inputs."));
        }

        [Test]
        public void Should_Tell_To_Pull_The_Data_When_Data_Table_Is_Missing()
        {
            // Given
            using var fixture = new TestStore();

            // When
            var error = Fails(fixture, WithCurrent);

            // Then
            Assert.That(error, Is.EqualTo("data/table.csv (data.table) does not exist; run ./build.sh --target=PullData."));
        }

        [Test]
        public void Should_Use_The_Files_The_Command_Line_Names()
        {
            // Given
            using var fixture = new TestStore();
            fixture.Temp.Write("old.csv", Trained);
            fixture.Temp.Write("batch.csv", Trained);

            // When
            var inputs = Resolve(fixture, WithoutCurrent, reference: "old.csv", current: "batch.csv");

            // Then
            Assert.That((inputs.ReferencePath, inputs.ReferenceShown, inputs.CurrentPath, inputs.CurrentShown),
                Is.EqualTo((fixture.Temp["old.csv"], "old.csv", fixture.Temp["batch.csv"], "batch.csv")));
        }

        [TestCase("old.csv", null, "old.csv (--reference) does not exist.")]
        [TestCase(null, "batch.csv", "batch.csv (--current) does not exist.")]
        public void Should_Refuse_A_Named_File_That_Does_Not_Exist(string? reference, string? current, string message)
        {
            // Given
            using var fixture = new TestStore();
            fixture.Temp.Write("data/table.csv", Trained);

            // When
            var error = Fails(fixture, WithCurrent, reference, current);

            // Then
            Assert.That(error, Is.EqualTo(message));
        }
    }

    public sealed class Deployed
    {
        [Test]
        public void Should_Compare_The_Logged_Inputs_With_Data_Table_When_It_Is_What_The_Version_Was_Trained_On()
        {
            // Given
            using var fixture = new TestStore();
            fixture.Temp.Write("data/table.csv", Trained);
            var deployment = Deploy(fixture, TrainedMd5);

            // When
            var inputs = Resolve(fixture, WithCurrent);

            // Then
            Assert.That(inputs.ReferencePath, Is.EqualTo(fixture.Temp["data/table.csv"]));
            Assert.That(inputs.ReferenceShown, Is.EqualTo($"data/table.csv (the data v1 was trained on, md5 {TrainedMd5[..8]})"));
            Assert.That((inputs.CurrentPath, inputs.AuditLog), Is.EqualTo(((string?)null, fixture.Temp[".mlops/deployments/local/1/audit/predictions.jsonl"])));
            Assert.That(inputs.CurrentShown, Is.EqualTo($"the inputs v1 logged in environment 'local' (" +
                $"{Path.Combine(".mlops", "deployments", "local", "1", "audit", "predictions.jsonl")})"));
            Assert.That(inputs.Deployment, Is.EqualTo(deployment));
        }

        [Test]
        public void Should_Take_The_Trained_Data_From_The_Dvc_Cache_When_Data_Table_Changed()
        {
            // Given
            using var fixture = new TestStore();
            fixture.Temp.Write("data/table.csv", "income\n3\n");
            var cached = fixture.Temp.Write($".dvc/cache/files/md5/{TrainedMd5[..2]}/{TrainedMd5[2..]}", Trained);
            Deploy(fixture, TrainedMd5);

            // When
            var inputs = Resolve(fixture, WithCurrent);

            // Then
            Assert.That(inputs.ReferencePath, Is.EqualTo(cached));
            Assert.That(inputs.ReferenceShown, Is.EqualTo($"{Path.Combine(".dvc", "cache", "files", "md5", TrainedMd5[..2], TrainedMd5[2..])} " +
                $"(the data v1 was trained on, from the DVC cache)"));
        }

        [Test]
        public void Should_Name_The_Md5_When_The_Trained_Data_Is_Nowhere()
        {
            // Given
            using var fixture = new TestStore();
            fixture.Temp.Write("data/table.csv", "income\n3\n");
            Deploy(fixture, TrainedMd5);

            // When
            var error = Fails(fixture, WithCurrent);

            // Then
            Assert.That(error, Is.EqualTo(
                $"The data v1 was trained on (md5 {TrainedMd5}) is neither data/table.csv (it changed since) nor in the DVC cache (.dvc/cache); " +
                $"restore it (git checkout the data.dvc of that run, then ./build.sh --target=PullData) or pass --reference=<csv>."));
        }

        [Test]
        public void Should_Fall_Back_To_Data_Table_When_The_Run_Does_Not_Record_Its_Data()
        {
            // Given
            using var fixture = new TestStore();
            fixture.Temp.Write("data/table.csv", "income\n3\n");
            Deploy(fixture, md5: null);

            // When
            var inputs = Resolve(fixture, WithCurrent);

            // Then
            Assert.That((inputs.ReferencePath, inputs.ReferenceShown), Is.EqualTo((fixture.Temp["data/table.csv"], "data/table.csv (v1's run does not record its data)")));
        }

        [Test]
        public void Should_Prefer_The_Batch_Named_On_The_Command_Line_And_Keep_The_Log_For_Feedback()
        {
            // Given
            using var fixture = new TestStore();
            fixture.Temp.Write("data/table.csv", Trained);
            fixture.Temp.Write("batch.csv", Trained);
            Deploy(fixture, TrainedMd5);

            // When
            var inputs = Resolve(fixture, WithCurrent, current: "batch.csv");

            // Then
            Assert.That((inputs.CurrentPath, inputs.CurrentShown), Is.EqualTo((fixture.Temp["batch.csv"], "batch.csv")));
            Assert.That(inputs.AuditLog, Is.EqualTo(fixture.Temp[".mlops/deployments/local/1/audit/predictions.jsonl"]));
            Assert.That(inputs.Deployment, Is.Not.Null);
        }
    }
}
