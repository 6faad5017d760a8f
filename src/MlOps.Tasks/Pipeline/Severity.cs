namespace MlOps.Tasks.Pipeline;

/// <summary>What a failed check does.</summary>
public enum Severity
{
    /// <summary>Fails the build with exit code 3.</summary>
    Error,

    /// <summary>Reported, does not fail the build.</summary>
    Warning,
}
