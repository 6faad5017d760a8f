
namespace MlOps.Tasks.Validation;

/// <summary>One check of a gate: what was measured, the limit, and where the limit is written.</summary>
/// <param name="Check">What is checked, e.g. "auc >= 0.7" or "behaviour: region does not matter".</param>
/// <param name="Value">The measured value (NaN when it could not be measured).</param>
/// <param name="Limit">The limit it is held to.</param>
/// <param name="Passed">Whether the value is within the limit.</param>
/// <param name="Message">The sentence a user reads: metric, value, limit, place in the pipeline file.</param>
/// <param name="Location">Where the limit is written.</param>
public sealed record GateCheck(string Check, double Value, double Limit, bool Passed, string Message, SourceLocation? Location);
