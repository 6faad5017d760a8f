using MlOps.Models.Bundles;
using MlOps.Models.Schema;
using MlOps.Models.Tables;
using MlOps.Models.Training;
using MlOps.Testing;

namespace MlOps.Serving.Tests;

/// <summary>
/// A small model trained once per test run and written as a signed bundle: an id, numeric, categorical,
/// free-text and boolean columns, and one column (<c>age</c>) the model leaves out, as the sample leaves out age and gender.
/// </summary>
internal static class TestModel
{
    private static readonly Lazy<Files> Written = new(Write);

    public static ModelSchema Schema { get; } = new(
    [
        new("id", ColumnKind.Id),
        new("income", ColumnKind.Numeric),
        new("debt", ColumnKind.Numeric),
        new("age", ColumnKind.Numeric),
        new("region", ColumnKind.Categorical),
        new("note", ColumnKind.Text),
        new("verified", ColumnKind.Boolean),
        new("default", ColumnKind.Categorical),
    ], "default", "1");

    /// <summary>The signed bundle.</summary>
    public static string Bundle => Written.Value.Bundle;

    /// <summary>The model of <see cref="Bundle"/> with a schema that lacks <c>income</c>, signed with the same key.</summary>
    public static string MismatchedBundle => Written.Value.MismatchedBundle;

    /// <summary>A logistic regression (L-BFGS, min-max normalised) on the same table, signed with the same key.</summary>
    public static string LinearBundle => Written.Value.LinearBundle;

    /// <summary>The public key that verifies it.</summary>
    public static string PublicKey => Written.Value.PublicKey;

    /// <summary>Another key's public half: the bundle does not verify with it.</summary>
    public static string OtherPublicKey => Written.Value.OtherPublicKey;

    /// <summary>The folder the files are in.</summary>
    public static string Folder => Written.Value.Folder.Path;

    /// <summary>A row as a JSON record, with <paramref name="i"/> varying the values.</summary>
    public static string Record(int i) =>
        $$"""{"id": "r{{i}}", "income": {{20 + (i * 7 % 80)}}, "debt": {{i * 37 % 100 / 100.0:0.00}}, "age": """
        + $$"""{{20 + (i % 50)}}, "region": "{{Regions[i % 3]}}", "note": "{{(i % 2 == 0 ? "late payment reported" : "paid on time")}}", "verified": """
        + $$"""{{(i % 2 == 0 ? "true" : "false")}}}""";

    private static readonly string[] Regions = ["north", "south", "east"];

    private static Files Write()
    {
        var folder = new TempDirectory();
        using var key = SigningKey.Generate();
        using var other = SigningKey.Generate();
        var options = new TrainingOptions { Exclude = ["age"] };
        var bundle = WriteBundle(folder["model" + ModelBundle.Extension], options with { Parameters = new Dictionary<string, string> { ["number_of_iterations"] = "20" } }, key);
        var linear = WriteBundle(folder["linear" + ModelBundle.Extension], options with { Trainer = "lbfgs" }, key);
        var mismatched = WriteBundle(folder["mismatched" + ModelBundle.Extension],
            options with { Parameters = new Dictionary<string, string> { ["number_of_iterations"] = "20" } }, key,
            Schema with { Columns = [.. Schema.Columns.Where(c => c.Name != "income")] });
        return new Files(folder, bundle, linear, mismatched, folder.Write("key.pub.pem", key.PublicKey.ExportPem()), folder.Write("other.pub.pem", other.PublicKey.ExportPem()));
    }

    private static string WriteBundle(string bundle, TrainingOptions options, SigningKey key, ModelSchema? written = null) =>
        TestBundle.Write(bundle, ModelTrainer.Train(Table(400), Schema, options), written ?? Schema, "7", key);

    private static TableData Table(int rows)
    {
        var random = new Random(11);
        var (id, income, debt, age, region, note, verified, label) =
            (new string[rows], new float[rows], new float[rows], new float[rows], new string[rows], new string[rows], new float[rows], new bool[rows]);
        for (var i = 0; i < rows; i++)
        {
            id[i] = $"r{i}";
            income[i] = (float)(20 + (80 * random.NextDouble()));
            debt[i] = i % 25 == 0 ? float.NaN : (float)random.NextDouble();
            age[i] = random.Next(18, 80);
            region[i] = Regions[random.Next(3)];
            verified[i] = random.Next(2);
            var risk = (3 * (float.IsNaN(debt[i]) ? 0.5 : debt[i])) - (income[i] / 40) + (region[i] == "south" ? 0.8 : 0);
            note[i] = risk > 0 ? "late payment reported" : "paid on time";
            label[i] = random.NextDouble() < 1 / (1 + Math.Exp(-2 * risk));
        }

        return new TableData(
        [
            new TextColumn("id", id), new NumberColumn("income", income), new NumberColumn("debt", debt), new NumberColumn("age", age),
            new TextColumn("region", region), new TextColumn("note", note), new NumberColumn("verified", verified), new FlagColumn("default", label),
        ]);
    }

    private sealed record Files(TempDirectory Folder, string Bundle, string LinearBundle, string MismatchedBundle, string PublicKey, string OtherPublicKey);
}
