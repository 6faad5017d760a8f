using System.Net;
using System.Text.Json;

namespace MlOps.Serving.Tests.Requests;

/// <summary>
/// JSON lets an object name a member twice and leaves which one counts to the reader: a request that does so
/// is turned away, not scored with whichever value the parser kept.
/// </summary>
public sealed class DuplicateMemberTests
{
    private static ScoringServer server = null!;

    [OneTimeSetUp]
    public void StartServer() => server = new ScoringServer();

    [OneTimeTearDown]
    public void StopServer() => server.Dispose();

    /// <summary>Rows 0 and 1 as <c>"columns": [...], "data": [[...]]</c>, complete, so only the duplicate is wrong.</summary>
    private static string Split()
    {
        var rows = Enumerable.Range(0, 2).Select(i => JsonDocument.Parse(TestModel.Record(i)).RootElement).ToList();
        var columns = JsonSerializer.Serialize(rows[0].EnumerateObject().Select(m => m.Name));
        var data = JsonSerializer.Serialize(rows.Select(r => r.EnumerateObject().Select(m => m.Value)));
        return $"\"columns\": {columns}, \"data\": {data}";
    }

    private static IEnumerable<TestCaseData> Cases()
    {
        var split = Split();
        var records = "{\"dataframe_records\": [" + TestModel.Record(0) + "]";
        yield return new TestCaseData("{\"dataframe_split\": {\"columns\": [\"income\"], " + split + "}}", "invalid-format", "dataframe_split has 'columns' twice; send it once.")
            .SetName("Split names its columns twice");
        yield return new TestCaseData("{\"dataframe_split\": {" + split + ", \"data\": [[]]}}", "invalid-format", "dataframe_split has 'data' twice; send it once.")
            .SetName("Split sends its data twice");
        yield return new TestCaseData("{\"dataframe_split\": {" + split + ", \"dtypes\": {}}}", "invalid-format",
            "dataframe_split has a member 'dtypes'; expected 'columns', 'data' and optionally 'index'.")
            .SetName("Split has a member pandas' split orientation does not");
        yield return new TestCaseData(records + ", \"params\": {\"threshold\": 0.9, \"threshold\": 0.1}}", "invalid-parameter", "params has 'threshold' twice; send it once.")
            .SetName("Params name the threshold twice");
        yield return new TestCaseData(records + ", \"params\": {\"threshold\": 0.9}, \"params\": {\"threshold\": 0.1}}", "invalid-format",
            "The body has 'params' twice; send it once.")
            .SetName("The body has params twice");
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Should_Turn_Away_A_Member_Named_Twice(string body, string type, string detail)
    {
        // When
        var response = await server.PostAsync(body);

        // Then
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), await response.Content.ReadAsStringAsync());
        var problem = await ScoringServer.ProblemAsync(response);
        Assert.That(problem.GetProperty("type").GetString(), Is.EqualTo("urn:mlops:problem:" + type));
        Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo(detail));
    }

    [Test]
    public async Task Should_Still_Score_A_Split_With_An_Index()
    {
        // When
        var response = await server.PostAsync("{\"dataframe_split\": {\"index\": [7, 8], " + Split() + "}}");

        // Then
        Assert.That(await ScoringServer.ScoresAsync(response), Has.Length.EqualTo(2));
    }
}
