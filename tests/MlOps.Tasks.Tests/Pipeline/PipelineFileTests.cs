using MlOps.Tasks.Pipeline;
using MlOps.Testing;

namespace MlOps.Tasks.Tests.Pipeline;

public sealed class PipelineFileTests
{
    private const string Valid = """
        name: credit-scoring
        data:
          path: data
        environments:
          local:
            kind: local
          prod:
            kind: kubernetes
        """;

    private static InvalidFileException LoadFails(string yaml)
    {
        using var temp = new TempDirectory();
        temp.Write("pipelines/p.yaml", yaml);
        return Assert.Throws<InvalidFileException>(() => PipelineFile.Load(temp.Path, "pipelines/p.yaml"));
    }

    public sealed class Load
    {
        [Test]
        public void Should_Read_Every_Section_With_Its_Location()
        {
            // Given
            using var temp = new TempDirectory();
            temp.Write("pipelines/p.yaml", Valid);

            // When
            var pipeline = PipelineFile.Load(temp.Path, "pipelines/p.yaml");

            // Then
            Assert.That(pipeline.Name, Is.EqualTo("credit-scoring"));
            Assert.That(pipeline.File, Is.EqualTo("pipelines/p.yaml"));
            Assert.That(pipeline.Data.Path, Is.EqualTo("data"));
            Assert.That(pipeline.Data.LocationOf("path")!.ToString(), Is.EqualTo("pipelines/p.yaml:3:9"));
            Assert.That(pipeline.Environments["prod"].Kind, Is.EqualTo(EnvironmentKind.Kubernetes));
        }

        [Test]
        public void Should_Default_To_A_Local_Environment()
        {
            // Given
            using var temp = new TempDirectory();
            temp.Write("pipelines/p.yaml", "name: x\ndata:\n  path: data\n");

            // When
            var pipeline = PipelineFile.Load(temp.Path, "pipelines/p.yaml");

            // Then
            Assert.That(pipeline.Environments.Keys, Is.EqualTo(new[] { "local" }));
        }

        [Test]
        public void Should_Load_The_Sample_Pipeline_Of_The_Repository()
        {
            // Given
            var root = Path.GetFullPath(Path.Combine(TestContext.CurrentContext.TestDirectory, "../../../../.."));

            // When
            var pipeline = PipelineFile.Load(root, "pipelines/credit-scoring.yaml");

            // Then
            Assert.That(pipeline.Name, Is.EqualTo("credit-scoring"));
        }

        [Test]
        public void Should_Name_An_Unknown_Key_With_A_Suggestion()
        {
            // When
            var error = LoadFails("name: x\ndata:\n  paht: data\n");

            // Then
            Assert.That(error.Message, Is.EqualTo("pipelines/p.yaml:3:3: Unknown key 'paht' in 'data'. Did you mean 'path'? Expected one of: csv, current, path, source, table."));
        }

        [Test]
        public void Should_Name_An_Unknown_Top_Level_Key()
        {
            // When
            var error = LoadFails("name: x\ndata:\n  path: data\ntraining_typo: {}\n");

            // Then
            Assert.That(error.Message, Is.EqualTo("pipelines/p.yaml:4:1: Unknown key 'training_typo' at the top level. " +
                "Expected one of: data, description, environments, expectations, fairness, image, monitoring, name, schema, training, validation."));
        }

        [Test]
        public void Should_Name_A_Missing_Required_Key()
        {
            // When
            var error = LoadFails("name: x\ndata:\n  other: 1\n".Replace("  other: 1\n", "  {}\n", StringComparison.Ordinal));

            // Then
            Assert.That(error.Message, Is.EqualTo("pipelines/p.yaml:3:3: 'data' is missing the required key 'path'."));
        }

        [Test]
        public void Should_Name_A_Missing_Top_Level_Section()
        {
            // When
            var error = LoadFails("name: x\n");

            // Then
            Assert.That(error.Message, Is.EqualTo("pipelines/p.yaml:1:1: The pipeline file is missing the required key 'data'."));
        }

        [Test]
        public void Should_Name_A_Wrong_Type()
        {
            // When
            var error = LoadFails("name: x\ndata:\n  - path\n");

            // Then
            Assert.That(error.Message, Is.EqualTo("pipelines/p.yaml:3:3: 'data' must be a mapping of keys to values, but is a list."));
        }

        [Test]
        public void Should_List_The_Allowed_Values_Of_An_Enumeration()
        {
            // When
            var error = LoadFails("name: x\ndata:\n  path: d\nenvironments:\n  prod:\n    kind: k8s\n");

            // Then
            Assert.That(error.Message, Is.EqualTo("pipelines/p.yaml:6:11: 'environments.prod.kind' must be one of local, docker, kubernetes, not 'k8s'."));
        }

        [Test]
        public void Should_Name_A_Required_Key_Without_Value()
        {
            // When
            var error = LoadFails("name:\ndata:\n  path: d\n");

            // Then
            Assert.That(error.Message, Is.EqualTo("pipelines/p.yaml:1:6: 'name' needs a value."));
        }

        [Test]
        public void Should_Locate_A_Syntax_Error()
        {
            // When
            var error = LoadFails("name: x\ndata:\n  path: [data\n");

            // Then
            Assert.That(error.Message, Is.EqualTo("pipelines/p.yaml:3:9: YAML syntax error: this '[' is never closed: ',' or ']' was expected before the end of the file."));
        }

        [Test]
        public void Should_Locate_A_Duplicate_Key()
        {
            // When
            var error = LoadFails("name: x\nname: y\ndata:\n  path: d\n");

            // Then
            Assert.That(error.Message, Does.StartWith("pipelines/p.yaml:2:1: YAML syntax error: "));
            Assert.That(error.Message, Does.Contain("name"));
        }

        [Test]
        public void Should_Refuse_An_Empty_File()
        {
            // When
            var error = LoadFails("");

            // Then
            Assert.That(error.Message, Is.EqualTo("pipelines/p.yaml:1:1: The pipeline file is empty; it needs at least 'name' and 'data'."));
        }

        [Test]
        public void Should_Refuse_A_Document_That_Is_Only_A_Separator()
        {
            Assert.That(LoadFails("---\n").Message, Is.EqualTo("pipelines/p.yaml:1:1: The pipeline file is empty; it needs at least 'name' and 'data'."));
        }

        [Test]
        public void Should_Refuse_A_Key_That_Is_Not_A_Name()
        {
            Assert.That(LoadFails("name: x\n? [a, b]\n: 1\n").Message, Is.EqualTo("pipelines/p.yaml:2:3: Keys must be plain names, not lists or mappings."));
        }

        [Test]
        public void Should_Refuse_A_Data_Path_With_A_Trailing_Slash()
        {
            Assert.That(LoadFails("name: x\ndata:\n  path: data/\n").Message,
                Does.StartWith("pipelines/p.yaml:3:9: 'data.path' must be a file or folder inside the repository, written without a trailing '/'"));
        }

        [Test]
        public void Should_Refuse_A_Table_Outside_The_Tracked_Folder()
        {
            Assert.That(LoadFails("name: x\ndata:\n  path: data\n  table: other/t.csv\n").Message,
                Is.EqualTo("pipelines/p.yaml:4:10: 'data.table' (other/t.csv) must be inside 'data.path' (data), so that data.dvc pins it."));
        }

        [Test]
        public void Should_Refuse_A_Scalar_Document()
        {
            // When
            var error = LoadFails("just text\n");

            // Then
            Assert.That(error.Message, Is.EqualTo("pipelines/p.yaml:1:1: The pipeline file must be a mapping of keys to values, but is the value 'just text'."));
        }
    }

    public sealed class Schema
    {
        private const string Columns = "schema:\n  label: y\n  positive: '1'\n  columns:\n    - { name: age, type: numeric }\n    - { name: y, type: categorical }\n";

        [Test]
        public void Should_Refuse_A_Label_That_Is_Not_A_Column()
        {
            var error = LoadFails("name: x\ndata:\n  path: d\n" + Columns.Replace("label: y", "label: z", StringComparison.Ordinal));
            Assert.That(error.Message, Is.EqualTo("pipelines/p.yaml:5:10: The label 'z' is not in schema.columns."));
        }

        [Test]
        public void Should_Require_Explicit_Bins_For_A_Numeric_Protected_Attribute()
        {
            var error = LoadFails("name: x\ndata:\n  path: d\n" + Columns + "  protected:\n    - column: age\n");
            Assert.That(error.Message, Does.StartWith("pipelines/p.yaml:11:7: The numeric protected attribute 'age' needs 'bins'"));
        }

        [Test]
        public void Should_Refuse_Bins_That_Do_Not_Ascend()
        {
            var error = LoadFails("name: x\ndata:\n  path: d\n" + Columns + "  protected:\n    - column: age\n      bins: [18, 65, 40]\n");
            Assert.That(error.Message, Is.EqualTo("pipelines/p.yaml:12:13: The bins of 'age' must be strictly ascending."));
        }
    }

    public sealed class Locate
    {
        [Test]
        public void Should_Take_The_Only_File_In_Pipelines()
        {
            // Given
            using var temp = new TempDirectory();
            temp.Write("pipelines/churn.yaml", Valid);

            // When
            var file = PipelineFile.Locate(temp.Path, requested: null);

            // Then
            Assert.That(file, Is.EqualTo("pipelines/churn.yaml"));
        }

        [Test]
        public void Should_Take_Credit_Scoring_When_There_Are_Several()
        {
            // Given
            using var temp = new TempDirectory();
            temp.Write("pipelines/churn.yaml", Valid);
            temp.Write("pipelines/credit-scoring.yaml", Valid);

            // When
            var file = PipelineFile.Locate(temp.Path, requested: null);

            // Then
            Assert.That(file, Is.EqualTo("pipelines/credit-scoring.yaml"));
        }

        [Test]
        public void Should_List_The_Available_Files_When_The_Requested_One_Is_Missing()
        {
            // Given
            using var temp = new TempDirectory();
            temp.Write("pipelines/churn.yaml", Valid);

            // When
            var error = Assert.Throws<UsageException>(() => PipelineFile.Locate(temp.Path, "pipelines/nope.yaml"));

            // Then
            Assert.That(error.Message, Is.EqualTo("Pipeline file 'pipelines/nope.yaml' does not exist (available: pipelines/churn.yaml). Name one with --pipeline=<file>."));
        }

        // A user's pipeline in another folder was read with this repository's data, and the error said to copy the data here.
        [TestCase(true)]
        [TestCase(false)]
        public void Should_Refuse_A_File_Outside_The_Repository_And_Say_Where_To_Run_The_Build(bool absolute)
        {
            // Given
            using var repository = new TempDirectory();
            using var elsewhere = new TempDirectory();
            var file = elsewhere.Write("pipelines/churn.yaml", Valid);
            var requested = absolute ? file : Path.GetRelativePath(repository.Path, file);

            // When
            var error = Assert.Throws<UsageException>(() => PipelineFile.Locate(repository.Path, requested));

            // Then
            Assert.That(error.Message, Does.StartWith($"--pipeline={requested} is outside the repository the build runs in ({repository.Path})")
                .And.Contain("dotnet new mlops").And.Contain("docs/your-repository.md"));
        }
    }
}
