using MlOps.Models.Schema;
using MlOps.Models.Tables;

namespace MlOps.Models.Tests.Training;

/// <summary>A small table whose label depends on known features, for training tests.</summary>
internal static class SyntheticTable
{
    public static ModelSchema Schema { get; } = new(
    [
        new("id", ColumnKind.Id),
        new("income", ColumnKind.Numeric),
        new("debt", ColumnKind.Numeric),
        new("region", ColumnKind.Categorical),
        new("branch", ColumnKind.Categorical),
        new("note", ColumnKind.Text),
        new("verified", ColumnKind.Boolean),
        new("default", ColumnKind.Categorical),
    ], "default", "1");

    public static TableData Create(int rows, int seed = 7)
    {
        var random = new Random(seed);
        var id = new string[rows];
        var income = new float[rows];
        var debt = new float[rows];
        var region = new string[rows];
        var branch = new string[rows];
        var note = new string[rows];
        var verified = new float[rows];
        var label = new bool[rows];
        string[] regions = ["north", "south", "east"];
        for (var i = 0; i < rows; i++)
        {
            id[i] = $"r{i}";
            income[i] = (float)(20 + (80 * random.NextDouble()));
            debt[i] = i % 25 == 0 ? float.NaN : (float)random.NextDouble();
            region[i] = regions[random.Next(regions.Length)];
            branch[i] = $"b{random.Next(200)}";
            verified[i] = random.Next(2);
            var risk = (3 * (float.IsNaN(debt[i]) ? 0.5 : debt[i])) - (income[i] / 40) + (region[i] == "south" ? 0.8 : 0);
            note[i] = risk > 0 ? "late payment reported" : "paid on time";
            label[i] = random.NextDouble() < 1 / (1 + Math.Exp(-2 * risk));
        }

        return new TableData(
        [
            new TextColumn("id", id), new NumberColumn("income", income), new NumberColumn("debt", debt),
            new TextColumn("region", region), new TextColumn("branch", branch), new TextColumn("note", note),
            new NumberColumn("verified", verified), new FlagColumn("default", label),
        ]);
    }
}
