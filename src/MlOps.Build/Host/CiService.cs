using MlOps.Tasks.Monitoring;

namespace MlOps.Build.Host;

/// <summary>
/// The CI service the build runs on, detected once from its standard variables, and the lines it reads in a log: a
/// collapsible group around each task, annotations with file and line, and (GitHub Actions) a job summary. Outside CI
/// (<see cref="None"/>) every line is null and the output is the plain one.
/// </summary>
internal abstract class CiService
{
    /// <summary>Plain output: no CI service detected.</summary>
    public static readonly CiService None = new NoCi();

    /// <summary>The service's name, as its documentation spells it.</summary>
    public abstract string Name { get; }

    /// <summary>
    /// The service named by <paramref name="variables"/> (the process environment, or a test's): <c>GITHUB_ACTIONS=true</c>,
    /// <c>GITLAB_CI=true</c>, <c>TF_BUILD=True</c>, else <see cref="None"/>. <paramref name="repositoryRoot"/> is the folder the
    /// build runs in; annotations name files relative to the service's checkout (GITHUB_WORKSPACE, BUILD_SOURCESDIRECTORY).
    /// </summary>
    public static CiService Detect(IReadOnlyDictionary<string, string> variables, string repositoryRoot, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(variables);
        string? Variable(string name) => variables.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
        bool IsTrue(string name) => string.Equals(Variable(name), "true", StringComparison.OrdinalIgnoreCase);
        // A build Monitor --retrain started runs inside Monitor's group: GitHub and Azure do not nest groups (GitLab does).
        var groups = !IsTrue(RetrainingProgram.NestedBuildVariable);
        if (IsTrue("GITHUB_ACTIONS"))
        {
            return new GitHubActions(Variable("GITHUB_WORKSPACE") ?? repositoryRoot, repositoryRoot, Variable("GITHUB_STEP_SUMMARY"), groups);
        }

        if (IsTrue("GITLAB_CI"))
        {
            return new GitLabCi(clock);
        }

        return IsTrue("TF_BUILD") ? new AzurePipelines(Variable("BUILD_SOURCESDIRECTORY") ?? repositoryRoot, repositoryRoot, groups) : None;
    }

    /// <summary>The line that opens a collapsible group for task <paramref name="task"/>, or null.</summary>
    public virtual string? StartGroup(string task) => null;

    /// <summary>The line that closes the group <see cref="StartGroup"/> opened for <paramref name="task"/>, or null.</summary>
    public virtual string? EndGroup(string task) => null;

    /// <summary>The line that makes <paramref name="annotation"/> an annotation of the job, or null when the service has none.</summary>
    public virtual string? Annotate(CiAnnotation annotation) => null;

    /// <summary>Appends <paramref name="markdown"/> to the job's summary; false when the service has none (or none was given).</summary>
    public virtual bool AppendSummary(string markdown) => false;

    /// <summary>Whether <see cref="AppendSummary"/> writes anywhere: the summary is only composed when it does.</summary>
    public virtual bool HasSummary => false;

    /// <summary>
    /// <paramref name="file"/> (relative to <paramref name="repositoryRoot"/>, or absolute) relative to the service's
    /// <paramref name="checkout"/>, with forward slashes, as CI services expect.
    /// </summary>
    protected static string RelativeFile(string checkout, string repositoryRoot, string file) =>
        Path.GetRelativePath(checkout, Path.GetFullPath(file, repositoryRoot)).Replace('\\', '/');

    private sealed class NoCi : CiService
    {
        public override string Name => "none";
    }
}
