using System.Diagnostics;

namespace MlOps.Tasks.Provenance;

/// <summary>The commit a build runs at and whether the working tree has changes, as MLflow tags a run.</summary>
/// <param name="Commit">The full commit sha, or "unknown" outside a git repository (or without git).</param>
/// <param name="Dirty">Whether tracked files differ from the commit.</param>
public sealed record GitState(string Commit, bool Dirty)
{
    /// <summary>The state of the repository at <paramref name="repositoryRoot"/>.</summary>
    public static GitState Of(string repositoryRoot)
    {
        var commit = Git(repositoryRoot, "rev-parse HEAD")?.Trim();
        if (string.IsNullOrEmpty(commit))
        {
            return new GitState("unknown", Dirty: false);
        }

        var changes = Git(repositoryRoot, "status --porcelain --untracked-files=no");
        return new GitState(commit, !string.IsNullOrWhiteSpace(changes));
    }

    private static string? Git(string directory, string arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("git", arguments)
            {
                WorkingDirectory = directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // git is not installed: the run is recorded without a commit.
            return null;
        }
    }
}
