using MlOps.Models.Training;

namespace MlOps.Tasks.Validation;

/// <summary>The gate metrics of scores against labels, by name (see <see cref="Pipeline.GateMetrics.Names"/>).</summary>
internal static class HeldOutMetrics
{
    public static IReadOnlyDictionary<string, double> Of(IReadOnlyList<bool> labels, IReadOnlyList<double> scores) =>
        ModelMetrics.Of(labels, scores).ToDictionary();
}
