using System.Runtime.Loader;
using Microsoft.Build.Framework;
using MlOps.Tasks;
using MlOps.Tasks.Pipeline;
using MlOps.Tasks.Tracking;

namespace MlOps.MSBuild;

/// <summary>
/// What every MlOps task takes from MSBuild (the pipeline file, the repository, the store, <c>Force</c>) and how it reports: one
/// library call, its lines as messages, and any failure as an MSBuild error with a code (<see cref="ErrorCodes"/>) and, when the
/// failure knows one, the file, line and column to fix.
/// </summary>
public abstract class PipelineTask : Microsoft.Build.Utilities.Task, ICancelableTask
{
    private volatile bool cancelled;

    /// <summary>The pipeline file (full path, or relative to <see cref="RepositoryRoot"/>).</summary>
    [Required]
    public string Pipeline { get; set; } = "";

    /// <summary>The repository the pipeline's paths are relative to; artifacts go to <c>artifacts/&lt;name&gt;/</c> in it.</summary>
    [Required]
    public string RepositoryRoot { get; set; } = "";

    /// <summary>The tracking store (a folder, <c>sqlite:///…</c> or <c>postgresql://…</c>); empty for <c>$MLOPS_STORE</c>, else <c>.mlops</c>.</summary>
    public string? Store { get; set; }

    /// <summary>Run again even when the library's content fingerprint says the last result still holds.</summary>
    public bool Force { get; set; }

    /// <summary>The pipeline's <c>name</c> the targets assumed for its artifacts folder; empty to skip the check.</summary>
    public string? PipelineName { get; set; }

    /// <inheritdoc />
    public void Cancel() => cancelled = true;

    /// <summary>Stops the work once MSBuild cancelled the task (Ctrl+C): called at each progress report of the library.</summary>
    /// <exception cref="OperationCanceledException">MSBuild cancelled the task.</exception>
    protected void ThrowIfCancelled()
    {
        if (cancelled)
        {
            throw new OperationCanceledException($"{GetType().Name} was cancelled.");
        }
    }

    /// <inheritdoc />
    public override bool Execute()
    {
        var root = Path.GetFullPath(RepositoryRoot);
        var library = typeof(PipelineWorkspace).Assembly;
        Log.LogMessage(MessageImportance.Low, "{0}: {1} from {2}, in the load context {3}, in process {4}", GetType().Name, library.GetName().Name,
            library.Location, AssemblyLoadContext.GetLoadContext(library), Environment.ProcessId);
        try
        {
            var workspace = PipelineWorkspace.Open(root, Path.GetRelativePath(root, Path.GetFullPath(Pipeline, root)));
            if (!string.IsNullOrEmpty(PipelineName) && PipelineName != workspace.Pipeline.Name)
            {
                throw new InvalidFileException(workspace.Pipeline.LocationOf("name") ?? new SourceLocation(workspace.Pipeline.File, 1, 1),
                    $"the pipeline is named '{workspace.Pipeline.Name}', but MlOpsPipelineName is '{PipelineName}'; set MlOpsPipelineName to '{workspace.Pipeline.Name}'.");
            }

            Run(workspace);
        }
        catch (OperationCanceledException) when (cancelled)
        {
            Log.LogMessage(MessageImportance.High, $"{GetType().Name}: cancelled.");
            return false;
        }
#pragma warning disable CA1031 // Every failure becomes an MSBuild error; an exception escaping a task is MSB4018 with a stack trace and no location.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            new ErrorReport(Log, root).Failure(exception);
        }

        return !Log.HasLoggedErrors;
    }

    /// <summary>The task's work: one call of the library with <paramref name="workspace"/>.</summary>
    protected abstract void Run(PipelineWorkspace workspace);

    /// <summary>The store named by <see cref="Store"/>, else <c>$MLOPS_STORE</c>, else <c>.mlops</c> in the repository.</summary>
    protected StoreLocation StoreOf(PipelineWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return StoreLocation.FromEnvironment(workspace.RepositoryRoot, string.IsNullOrEmpty(Store) ? null : Store);
    }

    /// <summary>Says <paramref name="line"/> at normal verbosity, or at minimal when <paramref name="important"/>.</summary>
    protected void Say(string line, bool important = false) =>
        Log.LogMessage(important ? MessageImportance.High : MessageImportance.Normal, "{0}", line);

    /// <summary>A progress report that stops the work once MSBuild cancelled the task.</summary>
    protected IProgress<T> Checkpoint<T>() => new CancellationCheckpoint<T>(this);

    /// <summary>The errors this task logs: against the repository's files.</summary>
    protected ErrorReport Errors(PipelineWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return new ErrorReport(Log, workspace.RepositoryRoot);
    }

    private sealed class CancellationCheckpoint<T>(PipelineTask task) : IProgress<T>
    {
        public void Report(T value) => task.ThrowIfCancelled();
    }
}
