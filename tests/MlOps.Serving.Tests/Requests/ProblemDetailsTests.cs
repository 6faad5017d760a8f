using System.Net;
using System.Text;

namespace MlOps.Serving.Tests.Requests;

/// <summary>What a turned-away request reads: status, type, the detail naming field and row, and MLflow's error fields.</summary>
public sealed class ProblemDetailsTests
{
    private static ScoringServer server = null!;

    [OneTimeSetUp]
    public void StartServer() => server = new ScoringServer(("max_body_bytes", "4096"));

    [OneTimeTearDown]
    public void StopServer() => server.Dispose();

    private static string Row(int i, string member, string value)
    {
        var record = TestModel.Record(i);
        var start = record.IndexOf($"\"{member}\": ", StringComparison.Ordinal) + member.Length + 4;
        var end = record.IndexOfAny([',', '}'], start);
        return record[..start] + value + record[end..];
    }

    private static async Task<(HttpStatusCode Status, System.Text.Json.JsonElement Problem)> PostAsync(string body, string contentType = "application/json")
    {
        var response = await server.PostAsync(body, contentType);
        return (response.StatusCode, await ScoringServer.ProblemAsync(response));
    }

    [Test]
    public async Task Should_Name_The_Row_And_Column_Of_A_Wrong_Value()
    {
        // When
        var (status, problem) = await PostAsync($$"""{"dataframe_records": [{{TestModel.Record(0)}}, {{Row(1, "income", "\"high\"")}}]}""");

        // Then
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem.GetProperty("type").GetString(), Is.EqualTo("urn:mlops:problem:invalid-value"));
        Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("A value does not fit its column."));
        Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo(
            "dataframe_records[1].income: 'income' is numeric: expected a number, or null when missing, got the string \"high\"."));
        Assert.That(problem.GetProperty("field").GetString(), Is.EqualTo("income"));
        Assert.That(problem.GetProperty("row").GetInt32(), Is.EqualTo(1));
        Assert.That(problem.GetProperty("error_code").GetString(), Is.EqualTo("BAD_REQUEST"));
        Assert.That(problem.GetProperty("message").GetString(), Is.EqualTo(problem.GetProperty("detail").GetString()));
        Assert.That(problem.GetProperty("request_id").GetString(), Has.Length.EqualTo(32));
    }

    [Test]
    public async Task Should_Name_An_Unknown_Column_And_List_The_Known_Ones()
    {
        // When
        var (_, problem) = await PostAsync("""{"dataframe_records": [{"salary": 1}]}""");

        // Then
        Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo(
            "dataframe_records[0] names the column 'salary', which the model does not know. Its columns are: id, income, debt, age, region, note, verified."));
    }

    [Test]
    public async Task Should_Say_The_Label_Is_Not_An_Input()
    {
        // When
        var (_, problem) = await PostAsync("""{"dataframe_split": {"columns": ["default"], "data": [[1]]}}""");

        // Then
        Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo(
            "dataframe_split.columns names 'default', the label the model predicts; leave it out of scoring requests."));
    }

    [Test]
    public async Task Should_Name_The_Row_That_Lacks_A_Column_The_Model_Reads()
    {
        // When
        var (_, problem) = await PostAsync($$"""{"dataframe_records": [{{TestModel.Record(0)}}, {"income": 1, "region": "north", "note": "", "verified": true}]}""");

        // Then
        Assert.That(problem.GetProperty("type").GetString(), Is.EqualTo("urn:mlops:problem:missing-column"));
        Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo("Row 1 has no value for 'debt', which the model reads. Send it in every row (null when unknown)."));
        Assert.That(problem.GetProperty("row").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public async Task Should_Point_At_Broken_Json()
    {
        // When
        var (_, problem) = await PostAsync("{\"dataframe_records\": [\n  {\"income\": 1,}\n]}");

        // Then
        Assert.That(problem.GetProperty("type").GetString(), Is.EqualTo("urn:mlops:problem:invalid-json"));
        Assert.That(problem.GetProperty("detail").GetString(), Does.StartWith("The body is not valid JSON at line 2, byte "));
    }

    [Test]
    public async Task Should_Name_A_Number_Out_Of_Range()
    {
        // When
        var (_, problem) = await PostAsync($$"""{"dataframe_records": [{{Row(0, "debt", "1e39")}}]}""");

        // Then
        Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo("dataframe_records[0].debt: the number is out of range for 'debt' (at most ±3.4e38)."));
    }

    [Test]
    public async Task Should_Name_The_Csv_Line()
    {
        // When
        var (_, problem) = await PostAsync("income,debt,region,note,verified\n1,0.5,north,,true\n2,lots,south,,false\n", "text/csv");

        // Then
        Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo("Line 3: 'debt' is numeric: expected a number, or null when missing, got 'lots'."));
        Assert.That(problem.GetProperty("row").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public async Task Should_Answer_413_With_The_Limit()
    {
        // When
        var (status, problem) = await PostAsync(new string(' ', 5000));

        // Then
        Assert.That(status, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo(
            "The body is 5,000 bytes; it exceeds the limit of 4,096 bytes. Split the rows over several requests, or raise MLOPS_MAX_BODY_BYTES."));
    }

    [Test]
    public async Task Should_Answer_415_With_What_It_Reads()
    {
        // When
        var (status, problem) = await PostAsync("a=1", "application/x-www-form-urlencoded");

        // Then
        Assert.That(status, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
        Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo(
            "The Content-Type 'application/x-www-form-urlencoded' is not one the server reads. "
            + "Send application/json (MLflow's dataframe_split, dataframe_records, instances or inputs) or text/csv with a header line."));
    }

    [Test]
    public async Task Should_Name_The_Offset_Of_Invalid_Utf8()
    {
        // When
        var response = await server.PostAsync([.. Encoding.UTF8.GetBytes("{\"x\": \""), 0xFF, .. Encoding.UTF8.GetBytes("\"}")]);
        var problem = await ScoringServer.ProblemAsync(response);

        // Then
        Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo("The body is not valid UTF-8: the bytes at offset 7 are no UTF-8 character. Send UTF-8 text."));
    }

    [Test]
    public async Task Should_Say_Which_Parameters_Exist()
    {
        // When
        var (_, problem) = await PostAsync("{\"dataframe_records\": [" + TestModel.Record(0) + "], \"params\": {\"top_k\": 3}}");

        // Then
        Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo(
            "params.top_k is not a parameter of this model; the only one is 'threshold' (a number between 0 and 1, default 0.5)."));
    }

    [Test]
    public async Task Should_Accept_Json_With_A_Utf8_Charset()
    {
        // When
        var response = await server.PostAsync("{\"dataframe_records\": [" + TestModel.Record(0) + "]}", "application/json; charset=utf-8");

        // Then
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase("3e38", "-3e38")]
    [TestCase("3e38", "3e38")]
    [TestCase("-3e38", "3e38")]
    public async Task Should_Never_Answer_500_To_Extreme_Values_For_A_Linear_Model(string income, string debt)
    {
        // Given: min-max normalisation of ±3e38 overflows a float; ML.NET saturates the score, and a score that is no number would be a 400.
        using var linear = new ScoringServer(("bundle", TestModel.LinearBundle));

        // When
        var response = await linear.PostAsync($$"""{"dataframe_records": [{{TestModel.Record(0)}}, """
            + $$"""{{Row(1, "income", income).Replace("\"debt\": 0.37", $"\"debt\": {debt}", StringComparison.Ordinal)}}]}""");
        var body = await response.Content.ReadAsStringAsync();

        // Then
        Assert.That((int)response.StatusCode, Is.EqualTo(200).Or.EqualTo(400), body);
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            Assert.That(body, Does.Contain("Row 1's values are too extreme for the model: its score is not a number."));
        }
    }
}
