namespace MlOps.Tasks.Artifacts;

/// <summary>One metric gate as Validate checked it, in metrics.json.</summary>
/// <param name="Check">What was checked.</param>
/// <param name="Value">The value measured.</param>
/// <param name="Limit">The limit it was held to.</param>
/// <param name="Passed">Whether it held.</param>
/// <param name="Message">The line the build printed.</param>
/// <param name="Location">Where the pipeline file sets the limit (<c>file:line:column</c>).</param>
public sealed record CheckResult(string Check, double Value, double Limit, bool Passed, string Message, string? Location);
