namespace MlOps.Tasks.Artifacts;

/// <summary>The gates whose verdicts metrics.json keeps (<see cref="MetricsFile"/>), by the name of their node.</summary>
public static class Gates
{
    /// <summary>Validate's verdict.</summary>
    public const string Validation = "validation";

    /// <summary>BiasCheck's verdict.</summary>
    public const string Fairness = "fairness";

    /// <summary>Report's verdict.</summary>
    public const string Report = "report";
}
