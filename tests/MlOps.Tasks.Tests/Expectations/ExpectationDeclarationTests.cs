namespace MlOps.Tasks.Tests.Expectations;

public sealed class ExpectationDeclarationTests
{
    private static string Refused(string expectation) =>
        TableValidation.Refused("x\n1\n", "expectations:\n  - " + expectation.Replace("\n", "\n    ", StringComparison.Ordinal) + "\n").Message;

    [Test]
    public void Should_Suggest_A_Known_Expectation_For_A_Misspelt_One()
    {
        Assert.That(Refused("expect: expect_column_values_to_be_betwen\ncolumn: x"),
            Does.StartWith("pipelines/p.yaml:6:13: Unknown expectation 'expect_column_values_to_be_betwen'. Did you mean 'expect_column_values_to_be_between'? Supported: "));
    }

    [Test]
    public void Should_Name_A_Key_That_Does_Not_Apply()
    {
        Assert.That(Refused("expect: expect_column_values_to_be_unique\ncolumn: x\nregex: a"),
            Is.EqualTo("pipelines/p.yaml:8:12: 'regex' does not apply to expect_column_values_to_be_unique; it takes mostly, severity, column."));
    }

    [Test]
    public void Should_Require_A_Bound_For_Between()
    {
        Assert.That(Refused("expect: expect_column_values_to_be_between\ncolumn: x"),
            Is.EqualTo("pipelines/p.yaml:6:5: expect_column_values_to_be_between needs 'min_value', 'max_value' or both."));
    }

    [Test]
    public void Should_Require_A_Column()
    {
        Assert.That(Refused("expect: expect_column_values_to_be_unique"),
            Is.EqualTo("pipelines/p.yaml:6:5: expect_column_values_to_be_unique needs 'column' (a column name, or '*' for all)."));
    }

    [Test]
    public void Should_Refuse_Mostly_Outside_Zero_To_One()
    {
        Assert.That(Refused("expect: expect_column_values_to_be_unique\ncolumn: x\nmostly: 95"),
            Is.EqualTo("pipelines/p.yaml:8:13: 'mostly' must be between 0 and 1, not 95."));
    }

    [Test]
    public void Should_Refuse_A_Quantile_Outside_Zero_To_One()
    {
        Assert.That(Refused("expect: expect_column_quantile_values_to_be_between\ncolumn: x\nquantile_ranges:\n  quantiles: [50]\n  value_ranges: [[0, 1]]"),
            Is.EqualTo("pipelines/p.yaml:9:18: Quantiles must be between 0 and 1, not 50."));
    }

    [Test]
    public void Should_Refuse_An_Invalid_Regex()
    {
        Assert.That(Refused("expect: expect_column_values_to_match_regex\ncolumn: x\nregex: '[a'"),
            Does.StartWith("pipelines/p.yaml:8:12: 'regex' is not a valid regular expression: "));
    }

    [Test]
    public void Should_Refuse_An_Unknown_Type()
    {
        Assert.That(Refused("expect: expect_column_values_to_be_of_type\ncolumn: x\ntype: decimal"),
            Does.StartWith("pipelines/p.yaml:6:5: expect_column_values_to_be_of_type needs 'type', one of int, "));
    }
}
