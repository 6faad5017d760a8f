namespace MlOps.Tasks.Tests.Tracking;

[TestFixture(Engine.Sqlite)]
[TestFixture(Engine.Postgres)]
public sealed class RunLogFindRunTests(Engine engine)
{
    private const string First = "abcd0000000000000000000000000001";
    private const string Second = "abcd0000000000000000000000000002";
    private const string Third = "abce0000000000000000000000000003";

    [TestCase(First, First)]
    [TestCase("abce", Third)]
    [TestCase("ABCD0000000000000000000000000002", Second)]
    [TestCase(" abce00 ", Third)]
    public void Should_Find_A_Run_By_Its_Id_Or_A_Unique_Prefix(string reference, string expected)
    {
        // Given
        using var fixture = WithRuns();

        // When
        var run = fixture.Store.Runs.FindRun(reference);

        // Then
        Assert.That(run?.Id, Is.EqualTo(expected));
    }

    [Test]
    public void Should_List_The_Candidates_Of_An_Ambiguous_Prefix()
    {
        // Given
        using var fixture = WithRuns();

        // When
        var error = Assert.Throws<UsageException>(() => fixture.Store.Runs.FindRun("abcd"));

        // Then
        Assert.That(error.Message, Is.EqualTo(
            $"Run id prefix 'abcd' is ambiguous; it matches 2 runs: {First}, {Second}. Give more characters."));
    }

    [Test]
    public void Should_Return_Null_For_An_Unknown_Id()
    {
        // Given
        using var fixture = WithRuns();

        // When
        var run = fixture.Store.Runs.FindRun("abcf");

        // Then
        Assert.That(run, Is.Null);
    }

    [Test]
    public void Should_Say_Where_It_Looked_When_A_Run_Must_Exist()
    {
        // Given
        using var fixture = WithRuns();

        // When
        var error = Assert.Throws<UsageException>(() => fixture.Store.Runs.GetRun("abc9"));

        // Then
        Assert.That(error.Message, Is.EqualTo($"No run id starts with 'abc9' in {fixture.Store.Database}."));
    }

    [TestCase("abc")]
    [TestCase("xyz12")]
    [TestCase("abcd00000000000000000000000000011")]
    public void Should_Refuse_What_Is_Not_A_Run_Id(string reference)
    {
        // Given
        using var fixture = WithRuns();

        // When
        var error = Assert.Throws<UsageException>(() => fixture.Store.Runs.FindRun(reference));

        // Then
        Assert.That(error.Message, Is.EqualTo($"'{reference}' is not a run id; give the run id or its first 4 or more hex characters."));
    }

    private TestStore WithRuns()
    {
        var fixture = new TestStore(engine);
        fixture.Sql($"""
            INSERT INTO runs (id, experiment, status, start_ms) VALUES
                ('{First}', 'credit-scoring', 'Running', 0),
                ('{Second}', 'credit-scoring', 'Running', 0),
                ('{Third}', 'credit-scoring', 'Running', 0)
            """);
        return fixture;
    }
}
