namespace MlOps.Build.Host;

/// <summary>What happened to a task in this run.</summary>
internal enum TaskStatus
{
    /// <summary>The task did its work.</summary>
    Ran,

    /// <summary>Its inputs matched an earlier run, whose results it reused.</summary>
    Unchanged,

    /// <summary>Its ShouldRun said no.</summary>
    Skipped,

    /// <summary>It threw.</summary>
    Failed,

    /// <summary><c>--dryrun</c>: it would have run.</summary>
    WouldRun,
}
