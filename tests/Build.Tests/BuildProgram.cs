using System.Diagnostics;
using System.Text;
using MlOps.Testing;

namespace MlOps.Build.Tests;

/// <summary>
/// Runs the already-built build program (Build.dll beside the tests) in a temporary copy of a small
/// repository, as ./build.sh would, and captures its exit code and output.
/// </summary>
internal sealed class BuildProgram : IDisposable
{
    public static readonly string SourceRoot =
        Path.GetFullPath(Path.Combine(TestContext.CurrentContext.TestDirectory, "../../../../.."));

    public BuildProgram()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(SourceRoot, "pipelines")))
        {
            Repository.Write($"pipelines/{Path.GetFileName(file)}", File.ReadAllBytes(file));
        }
    }

    /// <summary>
    /// A clone of the sample that trains in seconds: no cross-validation, 60 boosting iterations,
    /// and the pipeline file's text changed by <paramref name="changes"/> (each must occur).
    /// </summary>
    public static BuildProgram QuickSample(params (string From, string To)[] changes)
    {
        var build = new BuildProgram();
        build.CopyFromSource("data.dvc");
        var pipeline = build.Repository["pipelines/credit-scoring.yaml"];
        var text = File.ReadAllText(pipeline);
        foreach (var (from, to) in changes.Prepend(("folds: 5 ", "folds: 0 ")).Prepend(("number_of_iterations: 200", "number_of_iterations: 60")))
        {
            Assert.That(text, Does.Contain(from));
            text = text.Replace(from, to, StringComparison.Ordinal);
        }

        File.WriteAllText(pipeline, text);
        return build;
    }

    /// <summary>Changes the pipeline file: <paramref name="from"/> (which must occur) becomes <paramref name="to"/>.</summary>
    public void EditPipeline(string from, string to)
    {
        var pipeline = Repository["pipelines/credit-scoring.yaml"];
        var text = File.ReadAllText(pipeline);
        Assert.That(text, Does.Contain(from));
        File.WriteAllText(pipeline, text.Replace(from, to, StringComparison.Ordinal));
    }

    /// <summary>Copies a file of this repository (e.g. data.dvc) into the temporary one.</summary>
    public void CopyFromSource(string relative) =>
        Repository.Write(relative, File.ReadAllBytes(Path.Combine(SourceRoot, relative)));

    /// <summary>The first <paramref name="count"/> held-out rows of predictions.csv as a CSV body without the label, and the scores Validate recorded for them.</summary>
    public (string Body, double[] Scores) HeldOutRows(int count)
    {
        var predictions = File.ReadLines(Repository["artifacts/credit-scoring/predictions.csv"]).Skip(1).Take(count)
            .Select(l => l.Split(',')).ToDictionary(p => p[0], p => double.Parse(p[2], System.Globalization.CultureInfo.InvariantCulture));
        var lines = File.ReadLines(Repository["data/credit.csv"]).ToList();
        var rows = lines.Skip(1).Where(l => predictions.ContainsKey(l[..l.IndexOf(',', StringComparison.Ordinal)])).ToList();
        var csv = new StringBuilder().AppendLine(lines[0].Replace(",default", "", StringComparison.Ordinal));
        foreach (var row in rows)
        {
            csv.AppendLine(row[..row.LastIndexOf(',')]);
        }

        return (csv.ToString(), [.. rows.Select(r => predictions[r[..r.IndexOf(',', StringComparison.Ordinal)]])]);
    }

    /// <summary>Environment variables set for the program (e.g. DOCKER_HOST).</summary>
    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    /// <summary>The temporary repository the program runs in.</summary>
    public TempDirectory Repository { get; } = new();

    /// <summary>How long <see cref="Run"/> waits for the program before it fails the test.</summary>
    public static TimeSpan TimeLimit => TestTimeLimits.Run;

    public Result Run(params string[] args) => ChildProcess.Run(Start(args));

    /// <summary>Starts the program in the background, for targets that run until stopped (Serve).</summary>
    public RunningBuild Launch(params string[] args) => new(Process.Start(Start(args))!);

    /// <summary>How the program is started in the repository with <paramref name="args"/>: Build.dll beside the tests, no colour, <see cref="Environment"/>.</summary>
    public ProcessStartInfo Start(string[] args)
    {
        // Never a CI service of the machine running the tests (ChildProcess.Start): only one a test sets through Environment.
        var start = ChildProcess.Start(Repository.Path, "dotnet", [Path.Combine(TestContext.CurrentContext.TestDirectory, "Build.dll"), .. args]);
        foreach (var (name, value) in Environment)
        {
            start.Environment[name] = value;
        }

        return start;
    }

    public void Dispose() => Repository.Dispose();

    public sealed record Result(int ExitCode, string Output, string Errors);
}
