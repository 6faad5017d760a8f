using System.Text.Json;

namespace MlOps.Build.Tests;

/// <summary>The data gate as a user meets it: a fresh clone, a bad batch re-pinned, an unpinned edit.</summary>
[Category("Slow")]
public sealed class DataProgramTests
{
    private static BuildProgram FreshClone()
    {
        var build = new BuildProgram();
        build.CopyFromSource("data.dvc");
        return build;
    }

    [Test]
    public void Should_Generate_Check_And_Validate_The_Sample_On_A_Fresh_Clone()
    {
        // Given
        using var build = FreshClone();

        // When
        var result = build.Run();

        // Then
        Assert.That(result.ExitCode, Is.Zero, result.Errors);
        Assert.That(result.Output, Does.Match(@"PullData\s+ran\s+\S+\s+from the sample generator"));
        Assert.That(result.Output, Does.Match(@"CheckData\s+ran"));
        Assert.That(result.Output, Does.Match(@"ValidateData\s+ran\s+\S+\s+20,000 rows, 66/66 passed"));
        using var validation = JsonDocument.Parse(File.ReadAllText(build.Repository["artifacts/credit-scoring/validation.json"]));
        Assert.That(validation.RootElement.GetProperty("success").GetBoolean(), Is.True);
        Assert.That(validation.RootElement.GetProperty("statistics").GetProperty("evaluated_expectations").GetInt32(), Is.EqualTo(66));
        using var profile = JsonDocument.Parse(File.ReadAllText(build.Repository["artifacts/credit-scoring/profile.json"]));
        Assert.That(profile.RootElement.GetProperty("rows").GetInt64(), Is.EqualTo(20000));
    }

    [Test]
    public void Should_Exit_3_Naming_Every_Failing_Expectation_When_Bad_Data_Is_Pinned()
    {
        // Given: the sample with injected violations, re-pinned on purpose.
        using var build = FreshClone();
        build.Run("--target=PullData");
        var lines = File.ReadAllLines(build.Repository["data/credit.csv"]);
        lines[5] = lines[5].Replace(",male,", ",unknown,", StringComparison.Ordinal);
        lines[9] = string.Join(',', lines[9].Split(',').Select((v, i) => i == 3 ? "7" : v));
        File.WriteAllText(build.Repository["data/credit.csv"], string.Join('\n', lines) + "\n");
        build.Run("--target=TrackData");

        // When
        var result = build.Run();

        // Then
        Assert.That(result.ExitCode, Is.EqualTo(3), result.Output + result.Errors);
        Assert.That(result.Errors, Is.EqualTo(
            "Error: data/credit.csv: 2 of 66 expectations failed (listed above; details in artifacts/credit-scoring/validation.json).\n"));
        Assert.That(result.Output, Does.Contain(
            "FAILED  expect_column_values_to_be_between: age: 1 of 20000 values (0.01 %) are not in [18, 100], e.g. '7' at row 8 (line 10). (pipelines/credit-scoring.yaml:"));
        Assert.That(result.Output, Does.Contain(
            "FAILED  expect_column_values_to_be_in_set: gender: 1 of 20000 values (0.01 %) are not in {female, male, nonbinary}, e.g. 'unknown' at row 4 (line 6)."));
    }

    [Test]
    public void Should_Reuse_A_Passed_Validation_Until_Data_Or_Expectations_Change()
    {
        // Given
        using var build = FreshClone();
        build.Run("--target=ValidateData");

        // When
        var again = build.Run("--target=ValidateData");
        var forced = build.Run("--target=ValidateData", "--force");
        File.WriteAllText(build.Repository["pipelines/credit-scoring.yaml"],
            File.ReadAllText(build.Repository["pipelines/credit-scoring.yaml"]).Replace("min_value: 1000", "min_value: 999", StringComparison.Ordinal));
        var edited = build.Run("--target=ValidateData");

        // Then
        Assert.That(again.Output, Does.Match(@"ValidateData: unchanged, 20,000 rows, 66/66 passed \(validated before\)"));
        Assert.That(forced.Output, Does.Match(@"ValidateData\s+ran"));
        Assert.That(edited.Output, Does.Match(@"ValidateData\s+ran"));
    }

    [Test]
    public void Should_Skip_PullData_As_A_Target_When_The_Data_Is_Present()
    {
        // Given
        using var build = FreshClone();
        build.Run("--target=PullData");

        // When
        var result = build.Run("--target=PullData");

        // Then
        Assert.That(result.ExitCode, Is.Zero, result.Errors);
        Assert.That(result.Output, Does.Match(@"PullData\s+skipped\s+0\.00s\s+data is present"));
    }

    [Test]
    public void Should_Refuse_An_Unpinned_Change_Before_Validating()
    {
        // Given
        using var build = FreshClone();
        build.Run("--target=PullData");
        File.AppendAllText(build.Repository["data/credit.csv"], "A99999999,x@example.com,male,30,single,north,employed,1,1000,rent,100,12,5.00,car,1,1,0,0.100,true,0\n");

        // When
        var result = build.Run();

        // Then
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Errors, Does.Contain("[data/credit.csv changed]; run `./build.sh --target=TrackData --path=data` if the change is intended."));
        Assert.That(result.Output, Does.Not.Contain("==> ValidateData"));
    }
}
