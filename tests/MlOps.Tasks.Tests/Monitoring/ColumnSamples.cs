using MlOps.Tasks.Monitoring;
using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Tests.Monitoring;

/// <summary>Column samples built from values, as DriftSample fills them.</summary>
internal static class ColumnSamples
{
    public static ColumnSample Numbers(IEnumerable<double> values, string name = "x")
    {
        var sample = new ColumnSample(name, ColumnType.Numeric);
        foreach (var value in values)
        {
            sample.Add(value, "here", 1);
        }

        return sample;
    }

    /// <summary>A categorical (or boolean) sample; null adds a missing value.</summary>
    public static ColumnSample Values(IEnumerable<string?> values, string name = "x", ColumnType type = ColumnType.Categorical)
    {
        var sample = new ColumnSample(name, type);
        foreach (var value in values)
        {
            if (value is null)
            {
                sample.AddMissing();
            }
            else
            {
                sample.Add(value, "here", 1);
            }
        }

        return sample;
    }

    /// <summary>Each value as many times as its count, in the order given: ("A", 50), ("B", 30), …</summary>
    public static IEnumerable<string> Counts(params (string Value, int Count)[] counts) =>
        counts.SelectMany(c => Enumerable.Repeat(c.Value, c.Count));
}
