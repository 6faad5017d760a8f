namespace MlOps.Tasks.Tracking;

/// <summary>A parameter that differs between two runs; null where a run does not have it.</summary>
public sealed record ParamDifference(string Name, string? From, string? To);
