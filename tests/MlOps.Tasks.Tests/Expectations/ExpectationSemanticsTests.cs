using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Tests.Expectations;

/// <summary>Great Expectations semantics, pinned by the vectors of shared/testvectors/quality.md.</summary>
public sealed class ExpectationSemanticsTests
{
    [Test]
    public void Should_Count_Nulls_Against_All_Rows_For_Not_Null()
    {
        // Given: [NaN, True, False] not_null mostly 0.66
        var csv = "x\n\ntrue\nfalse\n";

        // When
        var result = TableValidation.Single(csv, "expect: expect_column_values_to_not_be_null\ncolumn: x\nmostly: 0.66");

        // Then
        Assert.That(result.Success, Is.True);
        Assert.That(result.UnexpectedCount, Is.EqualTo(1));
        Assert.That(result.UnexpectedPercent, Is.EqualTo(100.0 / 3).Within(1e-12));
        Assert.That(result.PartialUnexpected.Single().Row, Is.Zero);
        Assert.That(result.PartialUnexpected.Single().Line, Is.EqualTo(2));
    }

    [Test]
    public void Should_Pass_In_Set_With_Mostly()
    {
        // When: [1,2,4] in {1,2} mostly 0.5
        var result = TableValidation.Single("x\n1\n2\n4\n", "expect: expect_column_values_to_be_in_set\ncolumn: x\nvalue_set: ['1', '2']\nmostly: 0.5");

        // Then
        Assert.That(result.Success, Is.True);
        Assert.That(result.UnexpectedCount, Is.EqualTo(1));
        Assert.That(result.PartialUnexpected.Single().Value, Is.EqualTo("4"));
    }

    [Test]
    public void Should_Search_A_Regex_Unanchored_Unless_Anchored()
    {
        // When: ["bcc","bdd","abc"] match ^a.*
        var anchored = TableValidation.Single("x\nbcc\nbdd\nabc\n", "expect: expect_column_values_to_match_regex\ncolumn: x\nregex: '^a.*'");
        var unanchored = TableValidation.Single("x\nbcc\nbdd\nabc\n", "expect: expect_column_values_to_match_regex\ncolumn: x\nregex: 'c'");

        // Then
        Assert.That(anchored.UnexpectedCount, Is.EqualTo(2));
        Assert.That(anchored.Success, Is.False);
        Assert.That(unanchored.UnexpectedCount, Is.EqualTo(1));
    }

    [Test]
    public void Should_Count_Every_Member_Of_A_Duplicated_Value_For_Unique()
    {
        // When: [1,2,3,3,3]
        var result = TableValidation.Single("x\n1\n2\n3\n3\n3\n", "expect: expect_column_values_to_be_unique\ncolumn: x");

        // Then
        Assert.That(result.UnexpectedCount, Is.EqualTo(3));
        Assert.That(result.UnexpectedPercent, Is.EqualTo(60));
        Assert.That(result.PartialUnexpected.Select(u => u.Row), Is.EqualTo(new long[] { 2, 3, 4 }));
    }

    [TestCase("1\n1.3\n0.8\n2", 0.5251983752196243)]
    [TestCase("1\n7\n2.5\n3", 2.5617376914898995)]
    public void Should_Use_The_Sample_Standard_Deviation(string values, double stdev)
    {
        // When
        var result = TableValidation.Single($"x\n{values}\n", "expect: expect_column_stdev_to_be_between\ncolumn: x\nmin_value: 0");

        // Then
        Assert.That((double)result.ObservedValue!, Is.EqualTo(stdev).Within(1e-12).Percent);
        Assert.That(result.Success, Is.True);
    }

    [TestCase("min_value: 1\nmax_value: 3", 0)]
    [TestCase("min_value: 1\nmax_value: 3\nstrict_min: true", 1)]
    [TestCase("min_value: 1\nmax_value: 3\nstrict_max: true", 1)]
    [TestCase("max_value: 2", 1)]
    [TestCase("min_value: 2.5", 2)]
    public void Should_Apply_Bounds_Inclusive_Unless_Strict_And_Open_When_Missing(string bounds, int unexpected)
    {
        // When
        var result = TableValidation.Single("x\n1\n2\n3\n", $"expect: expect_column_values_to_be_between\ncolumn: x\n{bounds}");

        // Then
        Assert.That(result.UnexpectedCount, Is.EqualTo(unexpected));
    }

    [Test]
    public void Should_Succeed_Vacuously_When_Every_Value_Is_Null()
    {
        // When
        var result = TableValidation.Single("x,y\n,1\n,2\n", "expect: expect_column_values_to_be_between\ncolumn: x\nmin_value: 5");

        // Then
        Assert.That(result.Success, Is.True);
        Assert.That(result.MissingCount, Is.EqualTo(2));
        Assert.That(result.UnexpectedPercent, Is.Zero);
    }

    [Test]
    public void Should_Count_Text_As_Unexpected_For_Between()
    {
        // When
        var result = TableValidation.Single("x\n1\nabc\nNaN\n", "expect: expect_column_values_to_be_between\ncolumn: x\nmin_value: 0");

        // Then
        Assert.That(result.UnexpectedCount, Is.EqualTo(2));
        Assert.That(result.Summary, Is.EqualTo("x: 2 of 3 values (66.67 %) are not in ≥ 0, e.g. 'abc' at row 1 (line 3), 'NaN' at row 2 (line 4)."));
    }

    [Test]
    public void Should_Not_Take_A_Number_Followed_By_Text_For_A_Number()
    {
        // When
        var result = TableValidation.Single("x\n12abc\n\"1,5\"\n12.3.4\n7\n", "expect: expect_column_values_to_be_between\ncolumn: x\nmin_value: 0\nmax_value: 100");

        // Then
        Assert.That(result.PartialUnexpected.Select(u => u.Value), Is.EqualTo(new[] { "12abc", "1,5", "12.3.4" }));
    }

    [Test]
    public void Should_Count_Nulls_As_Missing_For_Unique()
    {
        // When
        var result = TableValidation.Single("x,y\n1,a\n,b\n1,c\n", "expect: expect_column_values_to_be_unique\ncolumn: x");

        // Then
        Assert.That((result.MissingCount, result.UnexpectedCount, result.UnexpectedPercent), Is.EqualTo(((long?)1, (long?)2, (double?)100)));
    }

    [TestCase("x\n4\n1\n3\n2\n", "expect_column_median_to_be_between\ncolumn: x\nmin_value: 2.5\nmax_value: 2.5", 2.5,
        TestName = "Should_Average_The_Middle_Values_For_The_Median")]
    [TestCase("x\n1\n\n2\n6\n", "expect_column_mean_to_be_between\ncolumn: x\nmin_value: 3\nmax_value: 3", 3.0,
        TestName = "Should_Compute_The_Mean_Of_Numbers_Only")]
    public void Should_Observe_The_Aggregate_Of_The_Numbers(string csv, string expectation, double observed)
    {
        // When
        var result = TableValidation.Single(csv, "expect: " + expectation);

        // Then
        Assert.That(result.ObservedValue, Is.EqualTo(observed));
        Assert.That(result.Success, Is.True);
    }

    [Test]
    public void Should_Take_The_Nearest_Value_For_Quantiles()
    {
        // When: n = 5, q = 0.25 → position 1; q = 0.9 → position 3.6 → 4
        var result = TableValidation.Single("x\n10\n20\n30\n40\n50\n",
            "expect: expect_column_quantile_values_to_be_between\ncolumn: x\nquantile_ranges:\n  quantiles: [0.25, 0.9]\n  value_ranges: [[20, 20], [null, 45]]");

        // Then
        Assert.That(result.Success, Is.False);
        Assert.That(result.Summary, Is.EqualTo("x: q0.9 = 50 not in [-∞, 45]."));
    }

    [Test]
    public void Should_Fail_An_Aggregate_Of_A_Column_Without_Numbers()
    {
        // When
        var result = TableValidation.Single("x\n\n\n", "expect: expect_column_mean_to_be_between\ncolumn: x\nmin_value: 0");

        // Then
        Assert.That(result.Success, Is.False);
        Assert.That(result.Summary, Is.EqualTo("x: has no numbers, so its mean cannot be measured."));
    }

    [Test]
    public void Should_Check_The_Row_Count()
    {
        // When
        var result = TableValidation.Single("x\n1\n2\n", "expect: expect_table_row_count_to_be_between\nmin_value: 3");

        // Then
        Assert.That(result.Success, Is.False);
        Assert.That(result.ObservedValue, Is.EqualTo(2));
        Assert.That(result.Summary, Is.EqualTo("the table has 2 rows; expected ≥ 3."));
    }

    [Test]
    public void Should_Check_Value_Lengths_And_Types()
    {
        // When
        var lengths = TableValidation.Single("x\nab\nabcd\n", "expect: expect_column_value_lengths_to_be_between\ncolumn: x\nmax_value: 3");
        var ints = TableValidation.Single("x\n1\n2.5\n-3\n", "expect: expect_column_values_to_be_of_type\ncolumn: x\ntype: int");
        var bools = TableValidation.Single("x\ntrue\nNo\nmaybe\n", "expect: expect_column_values_to_be_of_type\ncolumn: x\ntype: bool");

        // Then
        Assert.That(lengths.UnexpectedCount, Is.EqualTo(1));
        Assert.That(ints.PartialUnexpected.Single().Value, Is.EqualTo("2.5"));
        Assert.That(bools.PartialUnexpected.Single().Value, Is.EqualTo("maybe"));
    }

    [Test]
    public void Should_Report_Distinct_Values_Outside_The_Set()
    {
        // When
        var result = TableValidation.Single("x\na\nb\nc\nc\n", "expect: expect_column_distinct_values_to_be_in_set\ncolumn: x\nvalue_set: [a, b]");

        // Then
        Assert.That(result.Success, Is.False);
        Assert.That(result.ObservedValue, Is.EqualTo(new[] { "a", "b", "c" }));
    }

    [Test]
    public void Should_Expand_The_Star_To_Every_Column()
    {
        // When
        var report = TableValidation.Run("a,b\n1,\n2,3\n", "expectations:\n  - expect: expect_column_values_to_not_be_null\n    column: '*'\n");

        // Then
        Assert.That(report.Results.Select(r => (r.Column, r.Success)), Is.EqualTo(new[] { ("a", true), ("b", false) }));
    }

    [Test]
    public void Should_Report_Without_Failing_For_A_Warning()
    {
        // When
        var report = TableValidation.Run("a\n1\n", "expectations:\n  - expect: expect_column_values_to_be_between\n    column: a\n    min_value: 5\n    severity: warning\n");

        // Then
        Assert.That(report.Success, Is.True);
        Assert.That(report.Warnings.Count(), Is.EqualTo(1));
    }

    [Test]
    public void Should_Fail_An_Expectation_On_A_Column_The_File_Lacks()
    {
        // When
        var result = TableValidation.Single("a\n1\n", "expect: expect_column_values_to_not_be_null\ncolumn: b");

        // Then
        Assert.That(result.Success, Is.False);
        Assert.That(result.Summary, Is.EqualTo("b: no such column in data/t.csv."));
        Assert.That(result.Location, Is.EqualTo("pipelines/p.yaml:6:5"));
    }

    [Test]
    public void Should_Keep_At_Most_Twenty_Examples()
    {
        // When
        var csv = "x\n" + string.Concat(Enumerable.Range(0, 50).Select(i => $"bad{i}\n"));
        var result = TableValidation.Single(csv, "expect: expect_column_values_to_be_in_set\ncolumn: x\nvalue_set: [ok]");

        // Then
        Assert.That(result.UnexpectedCount, Is.EqualTo(50));
        Assert.That(result.PartialUnexpected, Has.Count.EqualTo(20));
        Assert.That(result.Severity, Is.EqualTo(Severity.Error));
    }
}
