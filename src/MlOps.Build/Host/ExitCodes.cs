using System.Reflection;
using MlOps.Tasks;
using MlOps.Tasks.Data;

namespace MlOps.Build.Host;

/// <summary>The one place where failures become exit codes.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int TaskFailed = 1;
    public const int BadUsage = 2;
    public const int GateRefused = 3;

    public static int For(Exception exception) => Unwrap(exception) switch
    {
        UsageException or InvalidFileException or DataMismatchException => BadUsage,
        // A bundle that fails its signature or schema check is a bad input file, like a bad .dvc pointer.
        var bundle when BundleFailure.Is(bundle) => BadUsage,
        QualityGateException => GateRefused,
        _ => TaskFailed,
    };

    /// <summary>The exception the user needs to read, without the wrappers of reflection and tasks.</summary>
    public static Exception Unwrap(Exception exception) => exception switch
    {
        // Parallel work can fail in several places at once; the first failure is the one to read.
        AggregateException { InnerExceptions.Count: > 0 } aggregate => Unwrap(aggregate.InnerExceptions[0]),
        TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
        Cake.Core.CakeReportException { InnerException: { } inner } => Unwrap(inner),
        _ => exception,
    };
}
