using System.Reflection;

namespace MlOps.Tasks;

/// <summary>What kind of failure an exception is: the build program's exit code and the MSBuild tasks' error code say it.</summary>
public enum FailureKind
{
    /// <summary>Something unexpected failed (exit code 1).</summary>
    TaskFailed = 1,

    /// <summary>Bad usage or a bad input: a pipeline file, data file or pointer to fix, a setting that is not usable (exit code 2).</summary>
    BadInput = 2,

    /// <summary>A quality gate refused: data expectations, metric gates or fairness limits (exit code 3).</summary>
    GateRefused = 3,
}

/// <summary>The one place where failures are sorted into their kinds.</summary>
public static class Failures
{
    /// <summary>The kind of <paramref name="exception"/>, read through the wrappers of <see cref="Unwrap"/>.</summary>
    public static FailureKind KindOf(Exception exception) => Unwrap(exception) switch
    {
        UsageException or InvalidFileException or DataMismatchException => FailureKind.BadInput,
        // A bundle that fails its signature or schema check is a bad input file, like a bad .dvc pointer.
        var bundle when BundleFailure.Is(bundle) => FailureKind.BadInput,
        QualityGateException => FailureKind.GateRefused,
        _ => FailureKind.TaskFailed,
    };

    /// <summary>The exception the user needs to read, without the wrappers of reflection and parallel work.</summary>
    public static Exception Unwrap(Exception exception) => exception switch
    {
        // Parallel work can fail in several places at once; the first failure is the one to read.
        AggregateException { InnerExceptions.Count: > 0 } aggregate => Unwrap(aggregate.InnerExceptions[0]),
        TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
        _ => exception,
    };
}
