using MlOps.Models.Scoring;
using MlOps.Models.Tables;
using MlOps.Models.Tests.Training;
using MlOps.Models.Training;

namespace MlOps.Models.Tests.Scoring;

public sealed class ModelScorerTests
{
    private static readonly Lazy<(ModelScorer Scorer, TableData Table)> Trained = new(() =>
    {
        var table = SyntheticTable.Create(600);
        var model = ModelTrainer.Train(table, SyntheticTable.Schema, new TrainingOptions { Exclude = ["branch"] });
        using var zip = new MemoryStream();
        model.Save(zip);
        zip.Position = 0;
        return (ModelScorer.Load(zip), table);
    });

    [Test]
    public void Should_Score_Alike_Through_The_Row_Scorer_And_An_IDataView()
    {
        // Given
        var (scorer, table) = Trained.Value;

        // When
        var scores = scorer.ScoreRows(table);

        // Then
        Assert.That(table.RowCount, Is.GreaterThan(ModelScorer.RowPathLimit));
        Assert.That(scores, Is.EqualTo(scorer.ScoreBatch(table)));
        Assert.That(scorer.Score(table), Is.EqualTo(scores));
        Assert.That(scores.Distinct().Count(), Is.GreaterThan(50));
    }

    [Test]
    public void Should_Give_One_Row_The_Score_It_Has_In_A_Batch()
    {
        // Given
        var (scorer, table) = Trained.Value;
        var batch = scorer.Score(table);

        // When
        var alone = Enumerable.Range(0, 50).Select(i => scorer.Score(table.Take([i]))[0]);

        // Then
        Assert.That(alone, Is.EqualTo(batch.Take(50)));
    }

    [Test]
    public void Should_Score_Alike_From_Many_Threads()
    {
        // Given
        var (scorer, table) = Trained.Value;
        var expected = scorer.Score(table);

        // When
        var results = new double[16][];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => results[i] = scorer.Score(table.Take([.. Enumerable.Range(i, 200)])));

        // Then
        for (var i = 0; i < results.Length; i++)
        {
            Assert.That(results[i], Is.EqualTo(expected.Skip(i).Take(200)), $"thread {i}");
        }
    }

    [Test]
    public void Should_Name_The_Columns_The_Model_Reads()
    {
        // Given
        var (scorer, table) = Trained.Value;

        // When
        var read = scorer.ColumnsRead(table);

        // Then: not the id, not the excluded branch, not the label.
        Assert.That(read, Is.EqualTo(new[] { "income", "debt", "region", "note", "verified" }));
    }
}
