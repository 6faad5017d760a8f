namespace MlOps.Tasks;

/// <summary>A quality gate (data expectations, metrics, fairness, drift) refused the build (exit code 3).</summary>
public class QualityGateException(string message) : Exception(message);
