namespace MlOps.Tasks.Monitoring;

/// <summary>drift.json's concept drift verdict.</summary>
/// <param name="Detector">The detector run over the prediction errors.</param>
/// <param name="Matched">Predictions joined to a labelled outcome.</param>
/// <param name="DriftDetected">Whether the detector signalled drift.</param>
public sealed record ConceptDriftVerdict(string Detector, int Matched, bool DriftDetected);
