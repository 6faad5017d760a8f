using System.Diagnostics;
using System.Text.RegularExpressions;

namespace MlOps.Tasks.Tests.Architecture;

/// <summary>
/// The house style the compiler does not check, over every tracked *.cs file of the repository (text, not syntax):
/// the line length of .editorconfig's max_line_length and the order of the using directives. A failure lists every
/// offending file:line. The two tests over the repository are in the category Style, so a run can pick them alone
/// (dotnet test --filter "TestCategory=Style") before a commit.
/// </summary>
public sealed partial class StyleTests
{
    /// <summary>The limit in .editorconfig (max_line_length); most of the code already keeps to it.</summary>
    public const int MaxLineLength = 180;

    private static readonly string SourceRoot = Path.GetFullPath(Path.Combine(TestContext.CurrentContext.TestDirectory, "../../../../.."));

    private static readonly Lazy<IReadOnlyList<string>> CSharpFiles = new(TrackedCSharpFiles);

    [Test]
    [Category("Style")]
    public void Should_Keep_Every_Line_Within_The_Limit_When_A_CSharp_File_Is_Tracked()
    {
        // Given
        var files = CSharpFiles.Value;

        // When
        var offending = files.SelectMany(f => File.ReadLines(Path.Combine(SourceRoot, f))
                .Select((line, i) => (Line: i + 1, line.Length))
                .Where(l => l.Length > MaxLineLength)
                .Select(l => $"{f}:{l.Line}: {l.Length} characters"))
            .ToList();

        // Then
        Assert.That(offending, Is.Empty, $"Lines longer than {MaxLineLength} characters (wrap them):\n{string.Join('\n', offending)}\n");
    }

    [Test]
    [Category("Style")]
    public void Should_Order_The_Usings_System_First_Then_Alphabetically_When_A_CSharp_File_Is_Tracked()
    {
        // Given
        var files = CSharpFiles.Value;

        // When
        var offending = files.Select(f => (File: f, Usings: Usings(File.ReadLines(Path.Combine(SourceRoot, f)))))
            .Where(f => !f.Usings.Select(u => u.Key).SequenceEqual(f.Usings.Select(u => u.Key).Order(StringComparer.Ordinal), StringComparer.Ordinal))
            .Select(f => $"{f.File}:{f.Usings[0].Line}: expected {string.Join(" ", f.Usings.OrderBy(u => u.Key, StringComparer.Ordinal).Select(u => u.Text))}")
            .ToList();

        // Then
        Assert.That(offending, Is.Empty, $"Using directives out of order (System first, then alphabetical; then static, then aliases):\n{string.Join('\n', offending)}\n");
    }

    [Test]
    public void Should_State_The_Same_Limit_When_The_Editorconfig_Sets_The_Line_Length()
    {
        // Given
        var editorconfig = File.ReadAllText(Path.Combine(SourceRoot, ".editorconfig"));

        // When
        var limits = MaxLineLengthSetting().Matches(editorconfig).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));

        // Then
        Assert.That(limits, Is.EqualTo(new[] { MaxLineLength }));
    }

    [Test]
    public void Should_Find_The_Order_Wrong_When_A_Project_Using_Comes_Before_System()
    {
        // Given
        string[] lines = ["using MlOps.Tasks.Pipeline;", "using System.Text;", "", "namespace X;"];

        // When
        var usings = Usings(lines);

        // Then
        Assert.That(usings.Select(u => u.Key), Is.Not.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
    }

    [Test]
    public void Should_Find_The_Order_Right_When_Static_And_Alias_Usings_Follow_The_Namespaces()
    {
        // Given
        string[] lines = ["using System;", "using System.Text;", "using MlOps.Tasks;", "using MlOps.Tasks.Artifacts;",
            "using static System.Math;", "using Json = System.Text.Json;"];

        // When
        var usings = Usings(lines);

        // Then
        Assert.That(usings.Select(u => u.Key), Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
    }

    /// <summary>The using directives at the top of a file (before the first other code), each with the key it sorts by.</summary>
    private static List<(int Line, string Text, string Key)> Usings(IEnumerable<string> lines)
    {
        var usings = new List<(int, string, string)>();
        foreach (var (text, i) in lines.Select((l, i) => (l, i)))
        {
            var match = UsingDirective().Match(text);
            if (match.Success)
            {
                usings.Add((i + 1, text.Trim(), Key(match)));
            }
            else if (text.Trim().Length > 0 && !text.TrimStart().StartsWith("//", StringComparison.Ordinal) && !text.TrimStart().StartsWith('#'))
            {
                break;
            }
        }

        return usings;
    }

    // Global usings first; then namespaces (System and System.* first), static usings, aliases; each alphabetical, ignoring case.
    private static string Key(Match directive)
    {
        var name = directive.Groups["name"].Value;
        var kind = directive.Groups["alias"].Success ? '2' : directive.Groups["static"].Success ? '1' : '0';
        var system = name == "System" || name.StartsWith("System.", StringComparison.Ordinal) ? '0' : '1';
        return $"{(directive.Groups["global"].Success ? '0' : '1')}{kind}{system}{name.ToUpperInvariant()}";
    }

    private static List<string> TrackedCSharpFiles()
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = SourceRoot, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "ls-files", "-z", "--", "*.cs" })
        {
            start.ArgumentList.Add(argument);
        }

        using var git = Process.Start(start)!;
        var output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        Assert.That(git.ExitCode, Is.Zero, "git ls-files failed in " + SourceRoot);
        var files = output.Split('\0', StringSplitOptions.RemoveEmptyEntries).Where(f => File.Exists(Path.Combine(SourceRoot, f))).ToList();
        Assert.That(files, Is.Not.Empty, "git ls-files found no *.cs files in " + SourceRoot);
        return files;
    }

    [GeneratedRegex(@"^\s*(?<global>global\s+)?using\s+(?<static>static\s+)?(?<alias>\w+\s*=\s*)?(?<name>[\w.]+(<[^;]*>)?)\s*;\s*$")]
    private static partial Regex UsingDirective();

    [GeneratedRegex(@"(?m)^\s*max_line_length\s*=\s*(\d+)\s*$")]
    private static partial Regex MaxLineLengthSetting();
}
