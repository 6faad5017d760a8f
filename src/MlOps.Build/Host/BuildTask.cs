namespace MlOps.Build.Host;

/// <summary>
/// A task of the build graph, shaped like Cake Frosting's <c>FrostingTask</c>: override
/// <see cref="Run"/> or <see cref="RunAsync"/>; optionally <see cref="ShouldRun"/>,
/// <see cref="OnError"/> and <see cref="Finally"/>.
/// </summary>
internal abstract class BuildTask
{
    /// <summary>The task's work.</summary>
    public virtual void Run(BuildContext context)
    {
    }

    /// <summary>The task's work, asynchronously; calls <see cref="Run"/> unless overridden.</summary>
    public virtual Task RunAsync(BuildContext context)
    {
        Run(context);
        return Task.CompletedTask;
    }

    /// <summary>What <c>--dryrun</c> says the task would do, reading only (writing at most its own plan's artifacts); by default nothing.</summary>
    public virtual Task PlanAsync(BuildContext context) => Task.CompletedTask;

    /// <summary>Whether to run; a false skips the task (shown as "skipped") and the build goes on.</summary>
    public virtual bool ShouldRun(BuildContext context) => true;

    /// <summary>
    /// Handles a failure of this task, as Cake's OnError: the build goes on unless it rethrows.
    /// Only called when overridden.
    /// </summary>
    public virtual void OnError(Exception exception, BuildContext context)
    {
    }

    /// <summary>Runs after the task, whether it succeeded or failed.</summary>
    public virtual void Finally(BuildContext context)
    {
    }
}
