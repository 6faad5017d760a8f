using System.Globalization;
using System.Text.Json;

namespace MlOps.Build.Tests;

/// <summary>The rows a model is measured on, as a user meets them: the same for every version, and named so they can be found in the data.</summary>
[Category("Slow")]
public sealed class HeldOutProgramTests
{
    private const string Pipeline = "pipelines/credit-scoring.yaml";
    private const string Predictions = "artifacts/credit-scoring/predictions.csv";

    private static string[] HeldOut(BuildProgram build) =>
        [.. File.ReadLines(build.Repository[Predictions]).Skip(1).Select(l => l[..l.IndexOf(',', StringComparison.Ordinal)]).Order(StringComparer.Ordinal)];

    private static JsonElement Champion(BuildProgram build)
    {
        using var metrics = JsonDocument.Parse(File.ReadAllText(build.Repository["artifacts/credit-scoring/metrics.json"]));
        return metrics.RootElement.GetProperty("validation").GetProperty("champion").Clone();
    }

    [Test]
    public void Should_Compare_A_Challenger_Trained_With_Another_Seed_On_Rows_Neither_Version_Trained_On()
    {
        // Given: v1 in production, then the same pipeline with another seed
        using var build = BuildProgram.QuickSample();
        var first = build.Run("--target=Validate");
        var v1 = HeldOut(build);
        build.Run("--target=SetAlias", "--alias=production", "--version=v1");
        build.EditPipeline("  seed: 42\n  exclude", "  seed: 7\n  exclude");

        // When
        var second = build.Run("--target=Validate");
        var v2 = HeldOut(build);

        // Then: the seed does not move rows between training and test, so v1 is measured on rows it never saw
        Assert.That((first.ExitCode, second.ExitCode), Is.EqualTo((0, 0)), second.Output + second.Errors);
        Assert.That(v2, Is.EqualTo(v1));
        Assert.That(second.Output, Does.Contain(string.Create(CultureInfo.InvariantCulture,
            $"against production v1 on the {v1.Length:N0} held-out rows neither v1 nor v2 trained on")));
        Assert.That(Champion(build).GetProperty("rows").GetInt32(), Is.EqualTo(v1.Length));
    }

    [Test]
    public void Should_Compare_A_Challenger_That_Holds_Out_More_Rows_Only_On_The_Rows_Production_Held_Out()
    {
        // Given: v1 in production holds out 20 %, the challenger 30 %
        using var build = BuildProgram.QuickSample();
        build.Run("--target=Validate");
        var v1 = HeldOut(build);
        build.Run("--target=SetAlias", "--alias=production", "--version=v1");
        build.EditPipeline("test_fraction: 0.2 ", "test_fraction: 0.3 ");

        // When
        var result = build.Run("--target=Validate");
        var v2 = HeldOut(build);

        // Then: v2 holds out every row v1 held out, and the two are compared on those only
        Assert.That(result.ExitCode, Is.Zero, result.Output + result.Errors);
        Assert.That(v2, Has.Length.GreaterThan(v1.Length));
        Assert.That(v1, Is.SubsetOf(v2));
        Assert.That(result.Output, Does.Contain(string.Create(CultureInfo.InvariantCulture,
            $"against production v1 on the {v1.Length:N0} held-out rows neither v1 nor v2 trained on")));
        Assert.That(Champion(build).GetProperty("rows").GetInt32(), Is.EqualTo(v1.Length));
    }

    [Test]
    public void Should_Name_Held_Out_Rows_By_Their_Line_In_The_Data_When_There_Is_No_Id_Column()
    {
        // Given: a schema without an id column (the sample's id becomes a categorical the model does not read)
        using var build = BuildProgram.QuickSample(("- { name: id, type: id }", "- { name: id, type: categorical }"),
            ("exclude: [email, gender, age]", "exclude: [id, email, gender, age]"));

        // When
        var result = build.Run();

        // Then: each prediction names the line of data/credit.csv it scored, which holds the same label and attributes
        Assert.That(result.ExitCode, Is.Zero, result.Output + result.Errors);
        var predictions = File.ReadAllLines(build.Repository[Predictions]);
        Assert.That(predictions[0], Is.EqualTo("line,label,score,predicted,gender,age"));
        var data = File.ReadAllLines(build.Repository["data/credit.csv"]);
        var header = data[0].Split(',');
        var (label, gender, age) = (Array.IndexOf(header, "default"), Array.IndexOf(header, "gender"), Array.IndexOf(header, "age"));
        var scores = new Dictionary<int, double>();
        foreach (var cells in predictions.Skip(1).Select(p => p.Split(',')))
        {
            var line = int.Parse(cells[0], CultureInfo.InvariantCulture);
            var row = data[line - 1].Split(',');
            Assert.That((cells[1], cells[4], cells[5]), Is.EqualTo((row[label], row[gender], row[age])), $"line {line}");
            scores.Add(line, double.Parse(cells[2], CultureInfo.InvariantCulture));
        }

        var card = File.ReadAllText(build.Repository["artifacts/credit-scoring/model-card.md"]);
        var example = System.Text.RegularExpressions.Regex.Match(card, @"- line `(\d+)` \(highest score, score (0\.\d{3})\)");
        Assert.That(example.Success, Is.True, card);
        Assert.That(scores[int.Parse(example.Groups[1].Value, CultureInfo.InvariantCulture)].ToString("0.000", CultureInfo.InvariantCulture),
            Is.EqualTo(example.Groups[2].Value));
    }
}
