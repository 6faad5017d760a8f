using System.Net;
using System.Text.Json;
using MlOps.Models.Bundles;
using MlOps.Models.Scoring;
using MlOps.Serving.Requests;

namespace MlOps.Serving.Tests;

public sealed class ScoringApiTests
{
    private ScoringServer server = null!;

    [OneTimeSetUp]
    public void StartServer() => server = new ScoringServer();

    [OneTimeTearDown]
    public void StopServer() => server.Dispose();

    private static string Records(int count) => $$"""{"dataframe_records": [{{string.Join(", ", Enumerable.Range(0, count).Select(TestModel.Record))}}]}""";

    /// <summary>The scores the model gives the same rows outside the server.</summary>
    private static double[] Expected(int count)
    {
        var bundle = ModelBundle.Open(TestModel.Bundle, PublicKey.FromPem(File.ReadAllText(TestModel.PublicKey)));
        var scorer = ModelScorer.Load(bundle.OpenModel());
        var request = JsonRequestReader.Read(System.Text.Encoding.UTF8.GetBytes(Records(count)), InputLayout.For(bundle.Schema, scorer), int.MaxValue);
        return [.. Enumerable.Range(0, count).Select(i => scorer.Score(request.Rows.Take([i]))[0])];
    }

    [Test]
    public async Task Should_Score_Every_Input_Format_Alike()
    {
        // Given
        var records = $"[{TestModel.Record(0)}, {TestModel.Record(1)}]";
        string[] bodies =
        [
            $$"""{"dataframe_records": {{records}}}""",
            $$"""{"instances": {{records}}}""",
            $$"""{"inputs": {{records}}}""",
            """{"dataframe_split": {"columns": ["id", "income", "debt", "age", "region", "note", "verified"], "index": [0, 1], "data": """
                + """[["r0", 20, 0.0, 20, "north", "late payment reported", true], ["r1", 27, 0.37, 21, "south", "paid on time", false]]}}""",
            """{"inputs": {"id": ["r0", "r1"], "income": [20, 27], "debt": [0.0, 0.37], "age": [20, 21], "region": ["north", "south"], "note": """
                + """["late payment reported", "paid on time"], "verified": [true, false]}}""",
        ];

        // When
        var scores = new List<double[]>();
        foreach (var body in bodies)
        {
            scores.Add(await ScoringServer.ScoresAsync(await server.PostAsync(body)));
        }

        var csv = await ScoringServer.ScoresAsync(await server.PostAsync(
            "id,income,debt,age,region,note,verified\nr0,20,0.0,20,north,late payment reported,true\nr1,27,0.37,21,south,paid on time,false\n",
            "text/csv"));

        // Then
        var expected = Expected(2);
        Assert.That(scores, Has.All.EqualTo(expected).Within(1e-6));
        Assert.That(csv, Is.EqualTo(expected).Within(1e-6));
    }

    [Test]
    public async Task Should_Skip_The_Byte_Order_Mark_Excel_Puts_Before_A_Csv()
    {
        // Given
        byte[] body = [.. System.Text.Encoding.UTF8.Preamble, .. System.Text.Encoding.UTF8.GetBytes("income,debt,region,note,verified\n20,0.0,north,,true\n")];

        // When
        var response = await server.PostAsync(body, "text/csv");

        // Then
        Assert.That(await ScoringServer.ScoresAsync(response), Has.Length.EqualTo(1));
    }

    [Test]
    public async Task Should_Score_A_Batch_As_Each_Row_Alone()
    {
        // When
        var batch = await ScoringServer.ScoresAsync(await server.PostAsync(Records(100)));

        // Then
        Assert.That(batch, Is.EqualTo(Expected(100)).Within(1e-6));
        Assert.That(batch.Distinct().Count(), Is.GreaterThan(10));
    }

    [Test]
    public async Task Should_Answer_With_Id_Score_And_Class()
    {
        // When
        var response = await server.PostAsync(Records(3));
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("predictions");

        // Then
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        Assert.That(json.GetArrayLength(), Is.EqualTo(3));
        foreach (var (prediction, i) in json.EnumerateArray().Select((p, i) => (p, i)))
        {
            var score = prediction.GetProperty("score").GetDouble();
            Assert.That(prediction.GetProperty("id").GetString(), Is.EqualTo($"r{i}"));
            Assert.That(score, Is.InRange(0, 1));
            Assert.That(prediction.GetProperty("class").GetInt32(), Is.EqualTo(score > 0.5 ? 1 : 0));
        }
    }

    [Test]
    public async Task Should_Leave_Out_The_Id_When_The_Request_Has_None()
    {
        // When
        var response = await server.PostAsync("""{"dataframe_records": [{"income": 50, "debt": 0.2, "region": "east", "note": "", "verified": 1}]}""");
        var prediction = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("predictions")[0];

        // Then
        Assert.That(prediction.TryGetProperty("id", out _), Is.False);
        Assert.That(prediction.GetProperty("score").GetDouble(), Is.InRange(0, 1));
    }

    [Test]
    public async Task Should_Predict_The_Class_With_The_Threshold_In_Params()
    {
        // Given
        var rows = $"[{string.Join(", ", Enumerable.Range(0, 20).Select(TestModel.Record))}]";

        // When
        var all = JsonDocument.Parse(await (await server.PostAsync("{\"dataframe_records\": " + rows + ", \"params\": {\"threshold\": 0}}")).Content.ReadAsStringAsync());
        var none = JsonDocument.Parse(await (await server.PostAsync("{\"dataframe_records\": " + rows + ", \"params\": {\"threshold\": 1}}")).Content.ReadAsStringAsync());

        // Then
        Assert.That(all.RootElement.GetProperty("predictions").EnumerateArray().Select(p => p.GetProperty("class").GetInt32()), Has.All.EqualTo(1));
        Assert.That(none.RootElement.GetProperty("predictions").EnumerateArray().Select(p => p.GetProperty("class").GetInt32()), Has.All.EqualTo(0));
    }

    [Test]
    public async Task Should_Accept_Null_For_A_Missing_Value_And_Leave_Out_Unread_Columns()
    {
        // When
        var response = await server.PostAsync("""{"dataframe_records": [{"income": null, "debt": null, "region": null, "note": null, "verified": null}]}""");

        // Then
        Assert.That(await ScoringServer.ScoresAsync(response), Has.Length.EqualTo(1));
    }

    [Test]
    public async Task Should_Echo_The_Callers_Request_Id()
    {
        // Given
        using var content = new StringContent(Records(1), System.Text.Encoding.UTF8, "application/json");

        // When
        var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/invocations") { Content = content };
        request.Headers.Add("X-Request-Id", "order-4711");
        var response = await client.SendAsync(request);

        // Then
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.GetValues("X-Request-Id"), Is.EqualTo(new[] { "order-4711" }));
    }
}
