using System.Diagnostics;
using MlOps.Testing;

namespace MlOps.Build.Tests;

/// <summary>
/// A git repository holding this repository's sources as they are (tracked and new files, nothing git
/// ignores), in which the real <c>./build.sh</c> builds the build program and runs it, as a user's clone does.
/// </summary>
internal sealed class SourceClone : IDisposable
{
    private SourceClone(TempDirectory folder) => Folder = folder;

    /// <summary>The temporary folder of the clone.</summary>
    public TempDirectory Folder { get; }

    /// <summary>A repository with the working tree of this one, committed once.</summary>
    public static SourceClone OfWorkingTree()
    {
        var clone = new SourceClone(new TempDirectory());
        var files = Run(BuildProgram.SourceRoot, "git", "ls-files -z --cached --others --exclude-standard").Output
            .Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Where(f => File.Exists(Path.Combine(BuildProgram.SourceRoot, f)));
        foreach (var file in files)
        {
            var target = clone.Folder[file];
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(BuildProgram.SourceRoot, file), target);
        }

        clone.Git("init -q -b main");
        clone.Commit("The sources under test");
        return clone;
    }

    /// <summary>A git clone of this one in another temporary folder.</summary>
    public SourceClone CloneElsewhere()
    {
        var clone = new SourceClone(new TempDirectory());
        Run(clone.Folder.Path, "git", $"clone -q \"{Folder.Path}\" .");
        return clone;
    }

    /// <summary>Runs <c>./build.sh</c> with <paramref name="args"/>.</summary>
    public BuildProgram.Result Build(params string[] args) => Run(Folder.Path, Folder["build.sh"], string.Join(' ', args));

    /// <summary>
    /// How <paramref name="script"/> of the clone (build.sh, or build.ps1 under <see cref="Pwsh"/>) is started from
    /// <paramref name="folder"/>, each of <paramref name="args"/> one argument, as a shell passes them.
    /// </summary>
    public ProcessStartInfo StartScript(string script, string folder, params string[] args)
    {
        var start = script.EndsWith(".ps1", StringComparison.Ordinal)
            ? Start(folder, Pwsh.Require(), "-NoProfile", "-NonInteractive", "-File", Folder[script])
            : Start(folder, Folder[script]);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }

    /// <summary>Runs <paramref name="script"/> (build.sh or build.ps1) in the clone with <paramref name="args"/>, each one argument.</summary>
    public BuildProgram.Result RunScript(string script, params string[] args) => Run(StartScript(script, Folder.Path, args));

    /// <summary>Changes a file of the clone: <paramref name="from"/> (which must occur) becomes <paramref name="to"/>.</summary>
    public void Edit(string relative, string from, string to)
    {
        var text = File.ReadAllText(Folder[relative]);
        Assert.That(text, Does.Contain(from), relative);
        File.WriteAllText(Folder[relative], text.Replace(from, to, StringComparison.Ordinal));
    }

    /// <summary>Commits every change.</summary>
    public void Commit(string message)
    {
        Git("add -A");
        Git($"-c user.name=test -c user.email=test@example.invalid commit -q -m \"{message}\"");
    }

    public void Dispose() => Folder.Dispose();

    private void Git(string arguments) => Assert.That(Run(Folder.Path, "git", arguments).ExitCode, Is.Zero, $"git {arguments}");

    private static BuildProgram.Result Run(string folder, string program, string arguments) => ChildProcess.Run(folder, program, arguments);

    private static ProcessStartInfo Start(string folder, string program, params string[] args) => ChildProcess.Start(folder, program, args);

    private static BuildProgram.Result Run(ProcessStartInfo start) => ChildProcess.Run(start);
}
