using MlOps.Tasks.Fairness;
using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Tests.Fairness;

/// <summary>Small data sets for the fairness tests.</summary>
internal static class FairnessData
{
    /// <summary>The 18 rows of Fairlearn's user guide (shared/testvectors/quality.md).</summary>
    public static readonly bool[] Labels = Bits("0 1 1 1 1 0 1 0 1 0 0 0 1 1 1 1 1 1");

    /// <summary>The predictions for <see cref="Labels"/>.</summary>
    public static readonly bool[] Predictions = Bits("0 0 1 0 1 1 1 0 0 1 1 1 1 0 0 1 1 0");

    /// <summary>The sensitive feature for <see cref="Labels"/>.</summary>
    public static readonly string?[] Groups = Words("b b a b b c c c a a c a b c c b c c");

    /// <summary>Limits that flag no group small and check nothing.</summary>
    public static readonly FairnessLimits NoLimits = new() { MinGroupSize = 1, MinDisparateImpact = null };

    public static bool[] Bits(string bits) => Words(bits).Select(b => b == "1").ToArray();

    public static string?[] Words(string words) => words.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Analyses the Fairlearn vector's rows with the given attributes.</summary>
    public static FairnessReport Analyze(FairnessLimits limits, params ProtectedColumn[] attributes) =>
        FairnessAnalysis.Analyze(Labels, Predictions, attributes, limits);

    /// <summary>The single group <paramref name="value"/> falls in, binned by <paramref name="bins"/>.</summary>
    public static string GroupOf(string? value, double[] bins, BinClosed closed)
    {
        var attribute = new ProtectedColumn("age", [value], bins, closed);
        return FairnessAnalysis.Analyze([true], [true], [attribute], NoLimits).Attributes[0].Groups.Single().Group;
    }

    /// <summary>
    /// Rows of a categorical attribute <c>gender</c>: per group its size and how many rows are predicted
    /// positive (labels all positive).
    /// </summary>
    public static FairnessReport Selections(FairnessLimits limits, string? privileged, params (string Group, int Count, int Selected)[] groups)
    {
        var values = groups.SelectMany(g => Enumerable.Repeat<string?>(g.Group, g.Count)).ToArray();
        var predictions = groups.SelectMany(g => Enumerable.Range(0, g.Count).Select(i => i < g.Selected)).ToArray();
        var labels = values.Select(_ => true).ToArray();
        return FairnessAnalysis.Analyze(labels, predictions, [ProtectedColumn.Categorical("gender", values, privileged)], limits);
    }
}
