using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Expectations;

/// <summary>One expectation's result as validation.json (<see cref="ValidationJson"/>) records it, read back.</summary>
/// <param name="Expectation">The GX expectation type.</param>
/// <param name="Success">Whether it held.</param>
/// <param name="Severity">Whether a failure fails the build (error) or is only reported (warning).</param>
/// <param name="Location">Where it is declared (pipeline file:line:column), or "schema".</param>
/// <param name="Summary">One sentence for people: what was expected and what was found.</param>
public sealed record ExpectationVerdict(string Expectation, bool Success, Severity Severity, string? Location, string Summary);
