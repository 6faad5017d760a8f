namespace MlOps.Tasks.Tracking;

/// <summary>A metric of two runs and its change; null where a run does not have it.</summary>
public sealed record MetricDifference(string Name, double? From, double? To)
{
    /// <summary><see cref="To"/> minus <see cref="From"/>, when both exist.</summary>
    public double? Change => From is { } a && To is { } b ? b - a : null;
}
