using MlOps.Models.Tables;
using MlOps.Models.Training;

namespace MlOps.Models.Tests.Training;

public class ModelTrainerTests
{
    private static readonly TableData Table = SyntheticTable.Create(2000);

    [TestCaseSource(typeof(TrainerCatalog), nameof(TrainerCatalog.Names))]
    public void Should_Learn_The_Signal_With_Each_Trainer(string trainer)
    {
        // Given
        var options = new TrainingOptions { Trainer = trainer };

        // When
        var model = ModelTrainer.Train(Table, SyntheticTable.Schema, options);

        // Then
        Assert.That(model.Metrics.Auc, Is.GreaterThan(0.75));
        Assert.That(model.Metrics.Rows, Is.EqualTo(model.Split.Test.Count).And.InRange(340, 460));
    }

    [Test]
    public void Should_Hold_Out_The_Same_Rows_Whatever_The_Seed()
    {
        // Given
        var options = new TrainingOptions { Trainer = "sdca" };

        // When
        var first = ModelTrainer.Train(Table, SyntheticTable.Schema, options with { Seed = 1 });
        var second = ModelTrainer.Train(Table, SyntheticTable.Schema, options with { Seed = 2 });

        // Then
        Assert.That(second.Split, Is.EqualTo(first.Split).Using<DataSplit>((a, b) => a.Test.SequenceEqual(b.Test) && a.Train.SequenceEqual(b.Train)));
    }

    [TestCaseSource(typeof(TrainerCatalog), nameof(TrainerCatalog.Names))]
    public void Should_Give_Identical_Metrics_For_The_Same_Inputs(string trainer)
    {
        // Given
        var options = new TrainingOptions { Trainer = trainer, Seed = 11 };

        // When
        var first = ModelTrainer.Train(SyntheticTable.Create(2000), SyntheticTable.Schema, options);
        var second = ModelTrainer.Train(SyntheticTable.Create(2000), SyntheticTable.Schema, options);

        // Then
        Assert.That(second.Metrics, Is.EqualTo(first.Metrics));
    }

    [TestCase("force_column_wise")]
    [TestCase("number_of_threads")]
    public void Should_Give_LightGbm_The_Same_Metrics_Column_Wise_And_On_Two_Threads(string parameter)
    {
        // Given
        var options = new TrainingOptions { Trainer = "lightgbm" };
        var value = parameter == "number_of_threads" ? "2" : "true";

        // When
        var rowWise = ModelTrainer.Train(Table, SyntheticTable.Schema, options);
        var other = ModelTrainer.Train(Table, SyntheticTable.Schema, options with { Parameters = new Dictionary<string, string> { [parameter] = value } });

        // Then
        Assert.That(other.Metrics, Is.EqualTo(rowWise.Metrics));
    }

    [Test]
    public void Should_Report_The_Trainer_Phase_After_The_Features()
    {
        // Given
        var phases = new List<string>();

        // When
        ModelTrainer.Train(Table, SyntheticTable.Schema, new TrainingOptions { Trainer = "sdca" }, new Recorder(phases));

        // Then
        Assert.That(phases, Is.EqualTo(new[] { "fitting the model", "fitting sdca on the features", "measuring on the test rows" }));
    }

    [Test]
    public void Should_Report_One_Metrics_Record_Per_Fold()
    {
        // Given
        var options = new TrainingOptions { Trainer = "lbfgs", Folds = 3 };

        // When
        var model = ModelTrainer.Train(Table, SyntheticTable.Schema, options);

        // Then
        Assert.That(model.FoldMetrics.Sum(m => m.Rows), Is.EqualTo(model.Split.Train.Count));
        Assert.That(model.FoldMetrics.Select(m => m.Rows), Has.All.InRange((model.Split.Train.Count / 3) - 2, (model.Split.Train.Count / 3) + 2));
        Assert.That(model.FoldMetrics.Select(m => m.Auc), Has.All.GreaterThan(0.7));
    }

    [Test]
    public void Should_Apply_Hyper_Parameters()
    {
        // Given
        var small = new TrainingOptions { Trainer = "lightgbm", Parameters = new Dictionary<string, string> { ["number_of_iterations"] = "2" } };
        var large = small with { Parameters = new Dictionary<string, string> { ["number_of_iterations"] = "60", ["learning_rate"] = "0.1" } };

        // When
        var few = ModelTrainer.Train(Table, SyntheticTable.Schema, small);
        var many = ModelTrainer.Train(Table, SyntheticTable.Schema, large);

        // Then
        Assert.That(few.Metrics.LogLoss, Is.Not.EqualTo(many.Metrics.LogLoss));
    }

    [Test]
    public void Should_Say_How_Each_Column_Became_Features()
    {
        // Given
        var options = new TrainingOptions { Trainer = "sdca", Exclude = ["note"] };

        // When
        var model = ModelTrainer.Train(Table, SyntheticTable.Schema, options);

        // Then
        Assert.That(model.Encodings, Is.EqualTo(new FeatureEncoding[]
        {
            new("income", "numeric", "no missing values in training"),
            new("debt", "numeric", "65 missing values imputed with the mean, flagged in debt_missing"),
            new("region", "one-hot", "3 distinct values"),
            new("branch", "hashed", "200 distinct values into 2^16 slots"),
            new("verified", "boolean", "no missing values in training"),
        }));
    }

    [Test]
    public void Should_Save_A_Model_That_Scores_Like_The_Trained_One()
    {
        // Given
        var model = ModelTrainer.Train(Table, SyntheticTable.Schema, new TrainingOptions { Trainer = "fasttree" });
        using var stream = new MemoryStream();

        // When
        model.Save(stream);
        stream.Position = 0;
        var loaded = model.Context.Model.Load(stream, out _);

        // Then
        var view = Table.Take(model.Split.Test).AsDataView();
        var expected = model.Context.Data.CreateEnumerable<Scored>(model.Transformer.Transform(view), reuseRowObject: false).Select(s => s.Probability);
        var actual = model.Context.Data.CreateEnumerable<Scored>(loaded.Transform(view), reuseRowObject: false).Select(s => s.Probability);
        Assert.That(actual, Is.EqualTo(expected));
    }

    private sealed class Scored
    {
        public float Probability { get; set; }
    }

    private sealed class Recorder(List<string> phases) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => phases.Add(value.Phase);
    }
}
