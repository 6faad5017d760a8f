using Cake.Core;
using MlOps.Tasks;
using MlOps.Tasks.Pipeline;
using MlOps.Tasks.Tracking;

namespace MlOps.Build.Host;

/// <summary>
/// The typed context every task receives: Cake's context (file system, log, process runner, aliases
/// from Cake.Common) plus the repository, the pipeline file and the options of this run.
/// </summary>
internal sealed class BuildContext(ICakeContext cake, BuildOptions options, string repositoryRoot, BuildCancellation cancellation)
    : CakeContextAdapter(cake)
{
    private PipelineDefinition? pipeline;

    /// <summary>The repository root: the folder the build runs in.</summary>
    public string RepositoryRoot { get; } = repositoryRoot;

    public BuildOptions Options { get; } = options;

    /// <summary>Re-run tasks even when their inputs are unchanged.</summary>
    public bool Force => Options.Force;

    /// <summary>The pipeline file, read on first use (so tasks that need none run without one); <c>--table</c> replaces data.table.</summary>
    public PipelineDefinition Pipeline => pipeline ??= Load();

    /// <summary>Where this pipeline's machine-readable outputs go: artifacts/&lt;pipeline name&gt;/.</summary>
    public string ArtifactsFolder => Path.Combine(RepositoryRoot, "artifacts", Pipeline.Name);

    /// <summary>The pipeline, the repository and the artifacts folder, as the library's tasks take them.</summary>
    public PipelineWorkspace Workspace => new() { Pipeline = Pipeline, RepositoryRoot = RepositoryRoot, ArtifactsFolder = ArtifactsFolder };

    /// <summary>The deployment environment: <c>--environment</c>, else <c>local</c>.</summary>
    public string EnvironmentName => Options.Environment ?? "local";

    /// <summary>The settings of <see cref="EnvironmentName"/> from the pipeline file.</summary>
    /// <exception cref="UsageException">The pipeline file does not define it.</exception>
    public EnvironmentSection DeploymentEnvironment =>
        Pipeline.Environments.TryGetValue(EnvironmentName, out var environment) ? environment
            : throw new UsageException($"Environment '{EnvironmentName}' is not defined in {Pipeline.File}; defined: {string.Join(", ", Pipeline.Environments.Keys)}.");

    /// <summary>The tracking store and registry: --store, else $MLOPS_STORE, else .mlops in the repository.</summary>
    /// <exception cref="UsageException">The place named is a file, a link that cannot be followed, or below a file, or the URI is not usable.</exception>
    public StoreLocation Store => StoreLocation.FromEnvironment(RepositoryRoot, Options.Store);

    /// <summary>The build's cancellation: Ctrl+C or SIGTERM cancels it; pass it to every library call that takes a token.</summary>
    public CancellationToken Cancellation => cancellation.Token;

    /// <summary>Until disposed, Ctrl+C and SIGTERM only cancel <see cref="Cancellation"/>: the task finishes or undoes its work.</summary>
    public IDisposable DeferSignals() => cancellation.Defer();

    /// <summary>The value of a task option (<see cref="TaskArgumentAttribute"/>), or null when not given.</summary>
    public string? Argument(string name) => Options.TaskArguments.GetValueOrDefault(name);

    /// <summary>The note shown beside the task in the summary (why it was skipped, or what it did).</summary>
    public string? TaskNote { get; private set; }

    /// <summary>Whether the running task reused earlier results (see <see cref="ReportUnchanged"/>).</summary>
    public bool IsUnchanged { get; private set; }

    /// <summary>Sets the note shown beside the task in the summary; from ShouldRun, it says why the task is skipped.</summary>
    public void Note(string note) => TaskNote = note;

    /// <summary>Marks the running task "unchanged" in the summary: it reused earlier results, for this reason.</summary>
    public void ReportUnchanged(string reason) => (IsUnchanged, TaskNote) = (true, reason);

    private PipelineDefinition Load()
    {
        var loaded = PipelineFile.Load(RepositoryRoot, PipelineFile.Locate(RepositoryRoot, Options.Pipeline));
        return Options.Table is not { } table ? loaded
            : File.Exists(Path.Combine(RepositoryRoot, table)) ? loaded with { Data = loaded.Data with { Table = table } }
            : throw new UsageException($"--table={table} does not exist; give a CSV file relative to {RepositoryRoot}.");
    }

    /// <summary>The pipeline file when a task has read it, else null (without reading it, which may fail).</summary>
    internal PipelineDefinition? LoadedPipeline => pipeline;

    internal void ClearTaskState() => (IsUnchanged, TaskNote) = (false, null);
}
