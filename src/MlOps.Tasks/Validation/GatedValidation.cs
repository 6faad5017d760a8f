namespace MlOps.Tasks.Validation;

/// <summary>What the Validate gate came to (<see cref="ModelValidation.Gate"/>).</summary>
/// <param name="Outcome">The validation, or null when the last verdict stood.</param>
/// <param name="Summary">The one-line summary: the checks passed, or the verdict that stood.</param>
/// <param name="Refusal">Why the gate refuses the candidate, or null when every check passed.</param>
public sealed record GatedValidation(ValidationOutcome? Outcome, string Summary, string? Refusal);
