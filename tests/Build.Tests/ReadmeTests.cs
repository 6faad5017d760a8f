using System.Text.RegularExpressions;

namespace MlOps.Build.Tests;

/// <summary>The README's tables of targets and options say what the program itself lists, no more and no less.</summary>
[Category("Slow")]
public sealed partial class ReadmeTests
{
    [Test]
    public void Should_Name_Exactly_The_Targets_Description_Lists_When_The_Readme_Tables_The_Targets()
    {
        // Given
        using var build = new BuildProgram();
        var documented = FirstColumnNames(Section("## Targets"), TaskName());

        // When
        var result = build.Run("--description");

        // Then
        Assert.That(result.ExitCode, Is.Zero, result.Errors);
        var listed = result.Output.Split('\n').SkipWhile(l => l != "Tasks:").Skip(1)
            .Select(l => TaskName().Match(l.Trim()).Value).Where(n => n.Length > 0).ToList();
        Assert.That(listed, Is.Not.Empty, result.Output);
        Assert.That(documented, Is.EquivalentTo(listed), Difference("README.md's Targets table", documented, "--description", listed));
    }

    [Test]
    public void Should_Name_Exactly_The_Options_Help_Lists_When_The_Readme_Tables_The_Options()
    {
        // Given
        using var build = new BuildProgram();
        var documented = FirstColumnNames(Section("## Command line"), OptionName());

        // When
        var result = build.Run("--help");

        // Then
        Assert.That(result.ExitCode, Is.Zero, result.Errors);
        var listed = result.Output.Split('\n').Where(l => l.StartsWith("  --", StringComparison.Ordinal))
            .Select(l => OptionName().Match(l).Value).Distinct().ToList();
        Assert.That(listed, Is.Not.Empty, result.Output);
        Assert.That(documented, Is.EquivalentTo(listed), Difference("README.md's Command line table", documented, "--help", listed));
    }

    /// <summary>The README's lines from <paramref name="heading"/> to the next heading of the same level.</summary>
    private static List<string> Section(string heading)
    {
        var lines = File.ReadAllLines(Path.Combine(BuildProgram.SourceRoot, "README.md"));
        var section = lines.SkipWhile(l => l != heading).Skip(1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal)).ToList();
        Assert.That(section, Is.Not.Empty, $"README.md has no section '{heading}'");
        return section;
    }

    /// <summary>The names in the first column of the section's table (its header and rule left out), several per cell allowed.</summary>
    private static List<string> FirstColumnNames(List<string> section, Regex name)
    {
        var rows = section.Where(l => l.StartsWith('|')).Skip(2).ToList();
        Assert.That(rows, Is.Not.Empty, "the section has no table");
        return [.. rows.SelectMany(r => Code().Matches(r.Split('|')[1]).Select(m => name.Match(m.Groups[1].Value).Value)).Where(n => n.Length > 0).Distinct()];
    }

    private static string Difference(string documentedIn, List<string> documented, string listedBy, List<string> listed) =>
        $"only in {documentedIn}: {string.Join(", ", documented.Except(listed, StringComparer.Ordinal))}; "
        + $"only in {listedBy}: {string.Join(", ", listed.Except(documented, StringComparer.Ordinal))}";

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Code();

    [GeneratedRegex("^[A-Z][A-Za-z]+")]
    private static partial Regex TaskName();

    [GeneratedRegex("--[a-z][a-z-]*")]
    private static partial Regex OptionName();
}
