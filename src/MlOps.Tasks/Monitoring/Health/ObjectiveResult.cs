
namespace MlOps.Tasks.Monitoring.Health;

/// <summary>One service level objective of <c>monitoring.slo</c> held against the server's health.</summary>
/// <param name="Objective">Its key in the pipeline file, e.g. <c>p99_latency_ms</c>.</param>
/// <param name="Value">The measured value; null when not measured.</param>
/// <param name="Limit">The limit from the pipeline file.</param>
/// <param name="Status">Met, breached or not measured.</param>
/// <param name="Message">The sentence a user reads: what, the value, the limit and, when breached, where the limit is written.</param>
/// <param name="Location">Where the limit is written.</param>
public sealed record ObjectiveResult(string Objective, double? Value, double Limit, ObjectiveStatus Status, string Message, SourceLocation? Location)
{
    /// <summary>Whether the objective is breached.</summary>
    public bool Breached => Status == ObjectiveStatus.Breached;
}
