namespace MlOps.Tasks.Tracking;

/// <summary>
/// A version a Rollback left in an environment (table <c>version_marks</c>): Deploy does not roll forward to it again
/// unless the version is named, which clears the mark.
/// </summary>
/// <param name="Model">The registered model.</param>
/// <param name="Environment">The environment's name in the pipeline file.</param>
/// <param name="Version">The version that was rolled back from.</param>
/// <param name="DeploymentId">The rollback's deployment number.</param>
/// <param name="Marked">When the rollback marked it.</param>
/// <param name="By">Who rolled back.</param>
public sealed record VersionMark(string Model, string Environment, int Version, long DeploymentId, DateTimeOffset Marked, string By);
