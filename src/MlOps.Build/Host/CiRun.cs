using MlOps.Tasks.Pipeline;

namespace MlOps.Build.Host;

/// <summary>What the CI report of a run is made from: what happened to each task, and where the run left its artifacts.</summary>
/// <param name="Targets">The targets asked for.</param>
/// <param name="Outcomes">Each task's outcome, in the order they ran.</param>
/// <param name="RepositoryRoot">The repository the build ran in.</param>
/// <param name="Pipeline">The pipeline file, when the run loaded it; null when no task needed one, or it could not be read.</param>
/// <param name="ArtifactsFolder">artifacts/&lt;pipeline&gt;/ of <paramref name="Pipeline"/>, or null without one.</param>
/// <param name="Failure">What ended the run, or null when it succeeded.</param>
internal sealed record CiRun(
    IReadOnlyList<string> Targets, IReadOnlyList<TaskOutcome> Outcomes, string RepositoryRoot, PipelineDefinition? Pipeline, string? ArtifactsFolder,
    Exception? Failure)
{
    /// <summary>Whether <paramref name="task"/> ran, reused its result or failed in this run: then what it writes is this run's.</summary>
    public bool Produced(string task) =>
        Outcomes.Any(o => string.Equals(o.Task, task, StringComparison.OrdinalIgnoreCase) && o.Status is TaskStatus.Ran or TaskStatus.Unchanged or TaskStatus.Failed);

    /// <summary>Whether <paramref name="task"/> did its work in this run (ran or failed), rather than reusing an earlier result.</summary>
    public bool Worked(string task) =>
        Outcomes.Any(o => string.Equals(o.Task, task, StringComparison.OrdinalIgnoreCase) && o.Status is TaskStatus.Ran or TaskStatus.Failed);

    /// <summary>Whether <paramref name="task"/> failed in this run.</summary>
    public bool Failed(string task) =>
        Outcomes.Any(o => string.Equals(o.Task, task, StringComparison.OrdinalIgnoreCase) && o.Status == TaskStatus.Failed);
}
