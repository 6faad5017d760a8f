using System.Text.RegularExpressions;

namespace MlOps.Build.Tests.BadInputs;

/// <summary>Runs a corpus case through the build program and checks what every bad input must get.</summary>
internal static partial class ProgramCase
{
    /// <summary>What every run may leave behind: the md5s DVC-style state remembers (git-ignored).</summary>
    private static readonly string[] Always = [".dvc/tmp/**"];

    /// <summary>The empty tracking store a task that reads the registry creates on its first run.</summary>
    public static readonly string[] EmptyStore = [".mlops/mlops.db", ".mlops/mlops.db-*", ".mlops/deployments/*.lock"];

    /// <summary>Sets the case up in <paramref name="build"/>'s repository: edits, files, deletions, links.</summary>
    public static void Prepare(BadInput input, BuildProgram build)
    {
        if (input.Edit.Count > 0)
        {
            var pipeline = build.Repository["pipelines/credit-scoring.yaml"];
            var text = File.ReadAllText(pipeline);
            foreach (var pair in input.Edit)
            {
                Assert.That(pair, Has.Count.EqualTo(2), $"{input.Name}: an edit is [from, to]");
                Assert.That(text, Does.Contain(pair[0]), $"{input.Name}: the sample pipeline has no '{pair[0]}'");
                text = text.Replace(pair[0], BadInputCorpus.Expand(pair[1]), StringComparison.Ordinal);
            }

            File.WriteAllBytes(pipeline, BadInputCorpus.Bytes(input, text));
        }

        foreach (var path in input.Delete.Select(p => build.Repository[p]))
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }

            File.Delete(path);
        }

        foreach (var (path, text) in input.Files)
        {
            build.Repository.Write(path, BadInputCorpus.Bytes(input, BadInputCorpus.Expand(text)));
        }

        foreach (var (path, target) in input.Symlinks)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(build.Repository[path])!);
            File.CreateSymbolicLink(build.Repository[path], target);
        }
    }

    /// <summary>Runs the case (its args, else <paramref name="defaultArgs"/>) and checks the exit code, the message, and that only allowed files changed.</summary>
    public static void Check(BadInput input, BuildProgram build, IReadOnlyList<string> defaultArgs, params string[] allowed)
    {
        // Given
        var before = RepositorySnapshot.Of(build.Repository.Path);
        var port = MlOps.Tasks.ServerProcesses.LoopbackPort.Free().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var args = (input.Args ?? defaultArgs).Select(a => a.Replace("{port}", port, StringComparison.Ordinal)).ToArray();

        // When
        BuildProgram.Result result;
        RepositorySnapshot after;
        try
        {
            result = build.Run(args);
            after = RepositorySnapshot.Of(build.Repository.Path);
        }
        finally
        {
            RemoveLinks(input, build);
        }

        // Then
        AssertAnswered(input, result.ExitCode, result.Output, result.Errors);
        var changed = after.ChangedSince(before, [.. Always, .. allowed, .. input.Changes]);
        Assert.That(changed, Is.Empty, "files the run changed that it should have left alone");
    }

    /// <summary>The exit code, one <c>Error:</c> line naming the place (and equal to the message when the case gives one), no stack trace.</summary>
    /// <remarks>
    /// <paramref name="errorLines"/> is 1, or 2 where the build runs a program that gives its own (Serve: the server's
    /// reason, then the build's "its reason is above"); the first must name the place.
    /// </remarks>
    public static void AssertAnswered(BadInput input, int exitCode, string output, string errors, int errorLines = 1)
    {
        var shown = Shorten(output + errors);
        Assert.That(exitCode, Is.EqualTo(input.Exit), $"exit code; the program said: {shown}");
        var lines = errors.Split('\n').Where(l => l.StartsWith("Error: ", StringComparison.Ordinal)).ToList();
        Assert.That(lines, Has.Count.EqualTo(errorLines), $"{errorLines} Error: line(s); the program said: {shown}");
        Assert.That(lines[0], Does.Contain(input.Place), "the place named");
        if (input.Message is not null)
        {
            Assert.That(lines[0], Is.EqualTo("Error: " + input.Message.TrimEnd()));
        }

        if (input.Shows is not null)
        {
            Assert.That(output + errors, Does.Contain(input.Shows), "what the output must show");
        }

        Assert.That(StackFrame().IsMatch(output + errors), Is.False, $"a stack trace in the output: {shown}");
    }

    private static void RemoveLinks(BadInput input, BuildProgram build)
    {
        // A link loop must not trip the temporary folder's removal.
        foreach (var path in input.Symlinks.Keys.Select(p => build.Repository[p]))
        {
            File.Delete(path);
        }
    }

    private static string Shorten(string text) => text.Length <= 3000 ? text : text[..1500] + "\n…\n" + text[^1500..];

    [GeneratedRegex(@"^\s+at [\w.`<>$|]+[.(]|Unhandled exception\.|Stack overflow\.", RegexOptions.Multiline)]
    private static partial Regex StackFrame();
}
