namespace MlOps.Tasks.Tracking;

/// <summary>One logged value of a metric.</summary>
/// <param name="Key">The metric name, e.g. <c>auc</c>.</param>
/// <param name="Value">The value; NaN and infinities are kept.</param>
/// <param name="Step">The training step (epoch, iteration) it belongs to.</param>
/// <param name="Logged">When it was logged (UTC).</param>
public sealed record MetricPoint(string Key, double Value, long Step, DateTimeOffset Logged);
