namespace MlOps.Tasks.Monitoring.Health;

/// <summary>One line of a /metrics answer: a metric name, its labels, the value and, rarely, a timestamp.</summary>
/// <param name="Name">The metric name, with its suffix (<c>_bucket</c>, <c>_sum</c>, <c>_count</c>) for histograms.</param>
/// <param name="Labels">The labels, unescaped, by name.</param>
/// <param name="Value">The value; may be infinite or NaN.</param>
/// <param name="Timestamp">Milliseconds since the Unix epoch, when the line gives one.</param>
public sealed record MetricSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value, long? Timestamp = null)
{
    /// <summary>The value of the label <paramref name="name"/>, or null when the sample has none.</summary>
    public string? Label(string name) => Labels.TryGetValue(name, out var value) ? value : null;
}
