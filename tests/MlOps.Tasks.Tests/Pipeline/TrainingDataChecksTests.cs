using MlOps.Models.Tables;
using MlOps.Tasks.DataChecks;
using MlOps.Tasks.Pipeline;
using MlOps.Tasks.Training;
using MlOps.Testing;

namespace MlOps.Tasks.Tests.Pipeline;

public sealed class TrainingDataChecksTests
{
    // Lines 1-15; what a test adds starts on line 16.
    private static readonly string Head = PipelineYaml.Named("p").WithData("table: data/t.csv")
        .WithSchema("y", "g: categorical", "a: numeric", "y: categorical")
        .WithProtected("- column: g", "- column: a", "  bins: [18, 40, 120]").ToString();

    // Three rows of class 0 and two of class 1; g is f or m (or missing); a falls in [18, 40) and [40, 120].
    private const string Csv = "g,a,y\nf,20,0\nm,50,1\n,30,0\nm,60,0\nf,25,1\n";

    private static TableData Read(string pipelineText, string csv = Csv)
    {
        using var temp = new TempDirectory();
        temp.Write("pipelines/p.yaml", pipelineText);
        temp.Write("data/t.csv", csv);
        var pipeline = PipelineFile.Load(temp.Path, "pipelines/p.yaml");
        return TrainingTable.ReadRows(temp["data/t.csv"], "data/t.csv", pipeline.Data.Csv, pipeline.Schema!, check: new PipelineDataCheck(pipeline, "data/t.csv")).Data;
    }

    private static string Fails(string pipelineText, string csv = Csv) =>
        Assert.Throws<InvalidFileException>(() => Read(pipelineText, csv))!.Message;

    [Test]
    public void Should_Read_A_Table_That_Holds_The_Values_The_Pipeline_Names()
    {
        // Given
        var text = Head + "training:\n  folds: 2\nfairness:\n  favourable: \"0\"\n  privileged: { g: m, a: \"[40, 120]\" }\n";

        // When
        var table = Read(text);

        // Then
        Assert.That(((FlagColumn)table["y"]).Values, Is.EqualTo(new[] { false, true, false, false, true }));
    }

    [Test]
    public void Should_Name_The_Pipeline_Line_When_The_Label_Never_Holds_The_Positive_Value()
    {
        Assert.That(Fails(Head.Replace("positive: \"1\"", "positive: \"yes\"", StringComparison.Ordinal)), Is.EqualTo(
            "pipelines/p.yaml:7:13: 'schema.positive' is 'yes', which the label column 'y' of data/t.csv never holds; its values: 0 (3 rows), 1 (2 rows). "
            + "Set schema.positive to the value that marks the positive class."));
    }

    [Test]
    public void Should_Name_The_Pipeline_Line_When_The_Label_Never_Holds_The_Favourable_Value()
    {
        Assert.That(Fails(Head + "fairness:\n  favourable: \"2\"\n"), Is.EqualTo(
            "pipelines/p.yaml:17:15: 'fairness.favourable' is '2', which the label column 'y' of data/t.csv never holds; its values: 0 (3 rows), 1 (2 rows). "
            + "Set it to the label value that is the good outcome for the person."));
    }

    [Test]
    public void Should_Name_The_Pipeline_Line_When_An_Attribute_Never_Holds_The_Privileged_Value()
    {
        Assert.That(Fails(Head + "fairness:\n  privileged: { g: male }\n"), Is.EqualTo(
            "pipelines/p.yaml:17:17: 'fairness.privileged.g' is 'male', which the column 'g' of data/t.csv never holds; its values: f, m."));
    }

    [Test]
    public void Should_Name_The_Bins_With_Rows_When_A_Privileged_Bin_Is_Not_One()
    {
        Assert.That(Fails(Head + "fairness:\n  privileged: { a: \"30\" }\n"), Is.EqualTo(
            "pipelines/p.yaml:17:17: 'fairness.privileged.a' is '30', which is no bin of 'a' with rows in data/t.csv; its bins with rows: [18, 40), [40, 120]."));
    }

    [Test]
    public void Should_Bound_The_Folds_By_The_Rows_Of_The_Smaller_Class()
    {
        Assert.That(Fails(Head + "training:\n  folds: 3\n"), Is.EqualTo(
            "pipelines/p.yaml:17:10: 'training.folds' is 3, but data/t.csv has only 2 rows of the smaller class ('1' in 'y') and every fold needs one: "
            + "use at most 2 folds, or 0 for none."));
    }

    [Test]
    public void Should_Bound_A_Sweeps_Folds_By_The_Rows_Of_The_Smaller_Class()
    {
        Assert.That(Fails(Head + "training:\n  sweep:\n    folds: 3\n    space: { lightgbm: { number_of_leaves: { low: 4, high: 8 } } }\n"), Is.EqualTo(
            "pipelines/p.yaml:18:12: 'training.sweep.folds' is 3, but data/t.csv has only 2 rows of the smaller class ('1' in 'y') and every fold needs one: "
            + "use at most 2 folds."));
    }

    [Test]
    public void Should_Check_A_Reused_Run_Against_The_Values_It_Was_Trained_On()
    {
        // Given: the values a run recorded, and a pipeline whose fairness section changed since.
        using var temp = new TempDirectory();
        temp.Write("pipelines/p.yaml", Head + "fairness:\n  favourable: \"2\"\n");
        var pipeline = PipelineFile.Load(temp.Path, "pipelines/p.yaml");
        var recorded = TableValues.Parse(new TableValues("data/t.csv", new Dictionary<string, long> { ["0"] = 3, ["1"] = 2 },
            new Dictionary<string, IReadOnlyList<string>>()).ToJson());

        // When
        var error = Assert.Throws<InvalidFileException>(() => TrainingDataChecks.Check(pipeline, recorded!));

        // Then
        Assert.That(error!.Message, Does.StartWith("pipelines/p.yaml:17:15: 'fairness.favourable' is '2', which the label column 'y' of data/t.csv never holds"));
    }
}
