using MlOps.Tasks;

namespace MlOps.MSBuild;

/// <summary>
/// The error codes of MSBuild's error lines, one per kind of failure, numbered as the build program's exit codes are: 1 a task
/// failed, 2 bad usage or a bad input file, 3 a quality gate refused.
/// </summary>
public static class ErrorCodes
{
    /// <summary>Something unexpected failed (the build program's exit code 1).</summary>
    public const string TaskFailed = "MLOPS001";

    /// <summary>A bad input: a pipeline file, data file or pointer to fix, or a setting that is not usable (exit code 2).</summary>
    public const string BadInput = "MLOPS002";

    /// <summary>A quality gate refused: data expectations, metric gates or fairness limits (exit code 3).</summary>
    public const string GateRefused = "MLOPS003";

    /// <summary>The code for <paramref name="exception"/>, as the build program's exit codes sort failures.</summary>
    public static string For(Exception exception) => Failures.KindOf(exception) switch
    {
        FailureKind.BadInput => BadInput,
        FailureKind.GateRefused => GateRefused,
        _ => TaskFailed,
    };

    /// <summary>The exception the user needs to read, without the wrappers of reflection and parallel work.</summary>
    public static Exception Unwrap(Exception exception) => Failures.Unwrap(exception);
}
