using System.Globalization;

namespace StoreLatency;

/// <summary>The times of one series of operations, in milliseconds, and the wall time the series took.</summary>
internal sealed record Latencies(IReadOnlyList<double> Milliseconds, TimeSpan Wall)
{
    public int Count => Milliseconds.Count;

    public double Median => Percentile(50);

    public double OperationsPerSecond => Count / Wall.TotalSeconds;

    /// <summary>The nearest-rank percentile: the smallest sample that at least <paramref name="percent"/> % of the samples do not exceed.</summary>
    public double Percentile(double percent)
    {
        var sorted = Milliseconds.Order().ToArray();
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    /// <summary>The median of the samples from <paramref name="start"/> on, <paramref name="count"/> of them, in the order taken.</summary>
    public double MedianOf(int start, int count) => new Latencies(Milliseconds.Skip(start).Take(count).ToList(), Wall).Median;

    /// <summary>One row of the markdown table the program prints.</summary>
    public string Row(string engine, string operation) => string.Create(CultureInfo.InvariantCulture,
        $"| {engine} | {operation} | {Count:N0} | {Median:0.00} | {Percentile(90):0.00} | {Percentile(99):0.00} | {Milliseconds.Max():0.00} | " +
        $"{Wall.TotalSeconds:0.00} s | {OperationsPerSecond:N0} |");
}
