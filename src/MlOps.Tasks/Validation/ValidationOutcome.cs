namespace MlOps.Tasks.Validation;

/// <summary>What Validate found.</summary>
/// <param name="Model">The model's name.</param>
/// <param name="Version">The candidate's version.</param>
/// <param name="Metrics">Held-out metrics, scikit-learn's definitions.</param>
/// <param name="Champion">The production version it was compared with, if any.</param>
/// <param name="Checks">Every metric and behaviour check, passed or not.</param>
/// <param name="Behaviour">The behavioural tests' details.</param>
/// <param name="PredictionsPath">predictions.csv of the held-out rows.</param>
public sealed record ValidationOutcome(string Model, int Version, IReadOnlyDictionary<string, double> Metrics, Champion? Champion,
    IReadOnlyList<GateCheck> Checks, IReadOnlyList<BehaviourResult> Behaviour, string PredictionsPath)
{
    /// <summary>Whether every check passed.</summary>
    public bool Passed => Checks.All(c => c.Passed);
}
