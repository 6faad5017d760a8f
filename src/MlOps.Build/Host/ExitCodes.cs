using MlOps.Tasks;

namespace MlOps.Build.Host;

/// <summary>Failures as exit codes: the kinds of <see cref="Failures"/>, read through Cake's wrapper too.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int TaskFailed = (int)FailureKind.TaskFailed;
    public const int BadUsage = (int)FailureKind.BadInput;
    public const int GateRefused = (int)FailureKind.GateRefused;

    public static int For(Exception exception) => (int)Failures.KindOf(Unwrap(exception));

    /// <summary>The exception the user needs to read, without the wrappers of reflection, tasks and Cake.</summary>
    public static Exception Unwrap(Exception exception) => Failures.Unwrap(exception) switch
    {
        Cake.Core.CakeReportException { InnerException: { } inner } => Unwrap(inner),
        var unwrapped => unwrapped,
    };
}
