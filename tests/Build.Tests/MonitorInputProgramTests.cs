using System.Text;

namespace MlOps.Build.Tests;

/// <summary>Monitor given data it cannot compare: exit 2 with what is missing, never "0/0 columns drifted".</summary>
[Category("Slow")]
public sealed class MonitorInputProgramTests
{
    private const string Folder = "artifacts/credit-scoring/monitoring";

    private static BuildProgram Sample()
    {
        var build = BuildProgram.QuickSample();
        Assert.That(build.Run("--target=PullData").ExitCode, Is.Zero);
        return build;
    }

    private static void AssertRefused(BuildProgram build, BuildProgram.Result result, string error)
    {
        Assert.That(result.ExitCode, Is.EqualTo(2), result.Output + result.Errors);
        Assert.That(result.Errors, Is.EqualTo($"Error: {error}\n"));
        Assert.That(result.Output + result.Errors, Does.Not.Contain("   at "), "no stack trace below diagnostic verbosity");
        Assert.That(result.Output, Does.Not.Contain("columns drifted"));
        Assert.That(build.Repository[Folder], Does.Not.Exist);
    }

    /// <summary>The first <paramref name="rows"/> rows of <paramref name="file"/>, with <paramref name="change"/> applied to each line.</summary>
    private static string Head(BuildProgram build, string file, int rows, Func<string, string>? change = null) =>
        string.Concat(File.ReadLines(build.Repository[file]).Take(rows + 1).Select(l => (change?.Invoke(l) ?? l) + "\n"));

    [Test]
    public void Should_Exit_2_When_The_Current_Or_Reference_File_Has_No_Rows()
    {
        // Given
        using var build = Sample();
        build.Repository.Write("header.csv", Encoding.UTF8.GetBytes(Head(build, "data/current.csv", 0)));

        // When
        var current = build.Run("--target=Monitor", "--current=header.csv");
        var reference = build.Run("--target=Monitor", "--reference=header.csv", "--current=data/current.csv");

        // Then
        AssertRefused(build, current, "header.csv:2:1: the file has a header but no data rows; Monitor needs rows to compare.");
        AssertRefused(build, reference, "header.csv:2:1: the file has a header but no data rows; Monitor needs rows to compare.");
    }

    [Test]
    public void Should_Exit_2_When_The_Current_Data_Has_None_Of_The_Monitored_Columns()
    {
        // Given: only the id and email columns, which Monitor does not compare
        using var build = Sample();
        build.Repository.Write("ids.csv", Encoding.UTF8.GetBytes(Head(build, "data/current.csv", 50, l => string.Join(',', l.Split(',').Take(2)))));

        // When
        var result = build.Run("--target=Monitor", "--current=ids.csv");

        // Then
        Assert.That(result.Errors, Does.StartWith("Error: ids.csv:1:1: the current data has none of the columns Monitor compares (gender, age, "));
        AssertRefused(build, result, result.Errors[7..^1]);
    }

    [Test]
    public void Should_Exit_2_Naming_The_Reference_And_The_Monitored_Column_It_Lacks()
    {
        // Given: the training rows without their region column
        using var build = Sample();
        var header = File.ReadLines(build.Repository["data/credit.csv"]).First().Split(',');
        var region = Array.IndexOf(header, "region");
        build.Repository.Write("reference.csv", Encoding.UTF8.GetBytes(Head(build, "data/credit.csv", 1000, l => string.Join(',', l.Split(',').Where((_, i) => i != region)))));

        // When
        var result = build.Run("--target=Monitor", "--reference=reference.csv", "--current=data/current.csv");

        // Then
        AssertRefused(build, result, "reference.csv:1:1: the reference has no column 'region', which Monitor compares; "
            + "pass --reference=<the CSV the deployed version was trained on>, or list it in monitoring.ignore.");
    }

    [Test]
    public void Should_Report_Invalid_Numbers_In_The_Reference_As_In_The_Current_Data()
    {
        // Given: 'lots' for the income on line 3 of the reference
        using var build = Sample();
        var header = File.ReadLines(build.Repository["data/credit.csv"]).First().Split(',');
        var income = Array.IndexOf(header, "income");
        var line = 0;
        build.Repository.Write("reference.csv", Encoding.UTF8.GetBytes(Head(build, "data/credit.csv", 1000,
            l => ++line == 3 ? string.Join(',', l.Split(',').Select((v, i) => i == income ? "lots" : v)) : l)));

        // When
        var result = build.Run("--target=Monitor", "--reference=reference.csv", "--current=data/current.csv");

        // Then
        Assert.That(result.ExitCode, Is.EqualTo(3), result.Output + result.Errors);
        Assert.That(result.Output, Does.Contain(
            "Monitor: 1 value of 'income' in the reference data is not a number (first at reference.csv:3, column 'income'); set aside like missing values."));
    }
}
