namespace MlOps.Tasks.Gates;

/// <summary>The version a candidate must not regress against (alias <c>production</c>), measured on the same held-out rows.</summary>
/// <param name="Version">Its version number.</param>
/// <param name="Metrics">Its metrics on the candidate's held-out rows.</param>
public sealed record Champion(int Version, IReadOnlyDictionary<string, double> Metrics);
