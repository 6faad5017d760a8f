using MlOps.Tasks.Artifacts;
using MlOps.Tasks.Pipeline;
using MlOps.Tasks.ServerProcesses;
using MlOps.Testing;

namespace MlOps.Tasks.Tests.ServerProcesses;

public class SmokeRowsTests
{
    private static SmokeRows Rows(TempDirectory folder, int count = 2)
    {
        var predictions = folder.Write("predictions.csv", "id,label,score,predicted,gender\nc,1,0.75,1,female\na,0,0.25,0,male\nq,0,0.5,0,male\n");
        var table = folder.Write("credit.csv", "id,income,default,region\na,35,0,south\n\"b,x\",40,1,north\nc,90,1,north\nd,50,0,south\n");
        return SmokeRows.From(predictions, table, new CsvSection(), Schema, "id", count);
    }

    private static SchemaSection Schema { get; } = new()
    {
        Label = "default",
        Positive = "1",
        Columns = [.. new[] { "id", "income", "default", "region" }.Select(name => new ColumnSection { Name = name, Type = ColumnType.Categorical })],
    };

    // The sample pipeline in a temporary repository whose artifacts hold the predictions of validated (metrics.json), or of none.
    private static PipelineWorkspace Workspace(TempDirectory folder, int? validated)
    {
        var root = Path.GetFullPath(Path.Combine(TestContext.CurrentContext.TestDirectory, "../../../../.."));
        var workspace = new PipelineWorkspace
        {
            Pipeline = PipelineFile.Load(root, "pipelines/credit-scoring.yaml"),
            RepositoryRoot = folder.Path,
            ArtifactsFolder = folder["artifacts/credit-scoring"],
        };
        if (validated is { } version)
        {
            Directory.CreateDirectory(workspace.ArtifactsFolder);
            new MetricsFile
            {
                Model = "credit-scoring", Version = version, VersionName = $"v{version}", RunId = "0a1b2c3d", Trainer = "LightGbm",
                Rows = new RowCounts(80, 20), Test = new Dictionary<string, double> { ["auc"] = 0.8 },
            }.Write(Path.Combine(workspace.ArtifactsFolder, ArtifactNames.Metrics));
        }

        return workspace;
    }

    public class OfNamed
    {
        [TestCase(2)]
        [TestCase(null)]
        public void Should_Give_A_Named_Version_Whose_Predictions_The_Artifacts_Do_Not_Hold_No_Rows_And_Say_Why(int? validated)
        {
            // Given
            using var folder = new TempDirectory();
            var workspace = Workspace(folder, validated);

            // When
            var rows = SmokeRows.OfNamed(workspace, version: 1, named: true, count: 5);

            // Then
            Assert.That(rows, Is.Null);
            Assert.That(SmokeRows.Missing(workspace, 1), Is.EqualTo(
                $"artifacts/credit-scoring holds the predictions of {(validated is null ? "no version" : "v2")}, not of v1"));
        }

        [Test]
        public void Should_Refuse_Staging_Whose_Predictions_The_Artifacts_Do_Not_Hold()
        {
            // Given
            using var folder = new TempDirectory();
            var workspace = Workspace(folder, validated: 2);

            // When
            var refused = Assert.Throws<UsageException>(() => SmokeRows.OfNamed(workspace, version: 1, named: false, count: 5));

            // Then
            Assert.That(refused!.Message, Is.EqualTo("artifacts/credit-scoring holds the predictions of v2, not of staging v1; run ./build.sh --target=BiasCheck first."));
        }
    }

    public class From
    {
        [Test]
        public void Should_Take_Predicted_Rows_From_The_Table_Without_Their_Label()
        {
            // Given
            using var folder = new TempDirectory();

            // When
            var rows = Rows(folder);

            // Then
            Assert.That(rows.Body, Is.EqualTo("id,income,region\na,35,south\nc,90,north\n"));
            Assert.That(rows.Ids, Is.EqualTo(new[] { "a", "c" }));
            Assert.That(rows.Scores, Is.EqualTo(new[] { 0.25, 0.75 }));
        }

        [Test]
        public void Should_Read_The_Table_In_The_Pipelines_Dialect()
        {
            // Given: a whitespace-aligned table, as separator: whitespace reads it
            using var folder = new TempDirectory();
            var predictions = folder.Write("predictions.csv", "id,label,score,predicted\nc,1,0.75,1\na,0,0.25,0\n");
            var table = folder.Write("credit.txt", "  id   income\tdefault  region\n  a    35      0        south\n\n\tc\t90\t1\tnorth \n");

            // When
            var rows = SmokeRows.From(predictions, table, new CsvSection { Separator = CsvSection.Whitespace }, Schema, "id", 2);

            // Then
            Assert.That(rows.Body, Is.EqualTo("id,income,region\na,35,south\nc,90,north\n"));
            Assert.That(rows.Scores, Is.EqualTo(new[] { 0.25, 0.75 }));
        }

        [Test]
        public void Should_Name_A_Missing_Column()
        {
            // Given
            using var folder = new TempDirectory();
            var predictions = folder.Write("predictions.csv", "id,label,score\na,0,0.25\n");
            var table = folder.Write("credit.csv", "key,income,default\na,35,0\n");

            // When
            var failed = Assert.Throws<ServerCheckException>(() => SmokeRows.From(predictions, table, new CsvSection(), Schema, "id", 2));

            // Then
            Assert.That(failed!.Message, Is.EqualTo($"{table} has no column 'id'; the smoke test needs the id and label columns."));
        }
    }

    public class Compare
    {
        [Test]
        public void Should_Return_The_Largest_Difference_When_Every_Score_Agrees()
        {
            // Given
            using var folder = new TempDirectory();
            var rows = Rows(folder);

            // When
            var difference = rows.Compare("""{"predictions": [{"score": 0.2500000001}, {"score": 0.75}]}""");

            // Then
            Assert.That(difference, Is.EqualTo(1e-10).Within(1e-12));
        }

        [Test]
        public void Should_Name_The_Row_Whose_Score_Differs()
        {
            // Given
            using var folder = new TempDirectory();
            var rows = Rows(folder);

            // When
            var failed = Assert.Throws<ServerCheckException>(() => rows.Compare("""{"predictions": [{"score": 0.25}, {"score": 0.7}]}"""));

            // Then
            Assert.That(failed!.Message, Is.EqualTo("The server scores row 'c' 0.7, but Validate recorded 0.75; it does not serve the model that was gated."));
        }

        [Test]
        public void Should_Fail_When_Rows_Are_Missing_From_The_Answer()
        {
            // Given
            using var folder = new TempDirectory();
            var rows = Rows(folder);

            // When
            var failed = Assert.Throws<ServerCheckException>(() => rows.Compare("""{"predictions": [{"score": 0.25}]}"""));

            // Then
            Assert.That(failed!.Message, Is.EqualTo("The smoke test sent 2 rows and got 1 scores back."));
        }
    }
}
