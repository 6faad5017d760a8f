using System.Net;
using System.Text;

namespace MlOps.Serving.Tests.Requests;

/// <summary>A corpus of broken requests: each must get a 4xx with problem details, never a 500.</summary>
public sealed class MalformedRequestTests
{
    private const string Json = "application/json";
    private const string Csv = "text/csv";
    private static readonly string Row = TestModel.Record(1);

    private static ScoringServer server = null!;

    [OneTimeSetUp]
    public void StartServer() => server = new ScoringServer(("max_body_bytes", (1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture)));

    [OneTimeTearDown]
    public void StopServer() => server.Dispose();

    private static string With(string member, string value) =>
        Row.Replace($"\"{member}\": {Value(member)}", $"\"{member}\": {value}", StringComparison.Ordinal);

    private static string Value(string member)
    {
        var start = Row.IndexOf($"\"{member}\": ", StringComparison.Ordinal) + member.Length + 4;
        var end = Row.IndexOfAny([',', '}'], start);
        return Row[start..end];
    }

    private static string Records(string record) => $$"""{"dataframe_records": [{{record}}]}""";

    private static TestCaseData Case(string name, string body, string? contentType = Json, int status = 400) =>
        Case(name, Encoding.UTF8.GetBytes(body), contentType, status);

    private static TestCaseData Case(string name, byte[] body, string? contentType = Json, int status = 400) =>
        new TestCaseData(body, contentType, status).SetName(name);

    private static IEnumerable<TestCaseData> Corpus()
    {
        yield return Case("Empty JSON body", "");
        yield return Case("Whitespace only", "  \n\t ");
        yield return Case("Truncated after the brace", "{");
        yield return Case("Truncated inside the rows", """{"dataframe_records": [""");
        yield return Case("Truncated inside a row", """{"dataframe_records": [{"income": 1""");
        yield return Case("Truncated inside a string", """{"dataframe_records": [{"region": "nor""");
        yield return Case("Top level null", "null");
        yield return Case("Top level array", "[]");
        yield return Case("Top level string", "\"score me\"");
        yield return Case("Top level number", "42");
        yield return Case("Empty object", "{}");
        yield return Case("No rows", """{"dataframe_records": []}""");
        yield return Case("Rows not an array", """{"dataframe_records": {}}""");
        yield return Case("Rows are numbers", """{"dataframe_records": [1, 2]}""");
        yield return Case("A row is null", """{"dataframe_records": [null]}""");
        yield return Case("Unknown column", Records("""{"unknown": 1}"""));
        yield return Case("The label as an input", Records(Row.Replace("{", "{\"default\": 1, ", StringComparison.Ordinal)));
        yield return Case("A required column missing", Records(Row.Replace(" \"income\": " + Value("income") + ",", "", StringComparison.Ordinal)));
        yield return Case("A column twice", Records(Row.Replace("{", "{\"income\": 1, ", StringComparison.Ordinal)));
        yield return Case("Text for a number", Records(With("income", "\"abc\"")));
        yield return Case("The string NaN for a number", Records(With("income", "\"NaN\"")));
        yield return Case("A boolean for a number", Records(With("income", "true")));
        yield return Case("An array for a number", Records(With("income", "[1]")));
        yield return Case("An object for a number", Records(With("income", """{"value": 1}""")));
        yield return Case("Number beyond double", Records(With("income", "1e400")));
        yield return Case("Number beyond float", Records(With("income", "-1e39")));
        yield return Case("Sixty digit integer", Records(With("income", new string('9', 60))));
        yield return Case("Ten thousand digit number", Records(With("income", "1" + new string('0', 10_000))));
        yield return Case("NaN literal", Records(With("income", "NaN")));
        yield return Case("Infinity literal", Records(With("income", "Infinity")));
        yield return Case("Boolean column says maybe", Records(With("verified", "\"maybe\"")));
        yield return Case("Boolean column says 2", Records(With("verified", "2")));
        yield return Case("An array for a category", Records(With("region", "[\"north\"]")));
        yield return Case("A lone surrogate in a category", Records(With("region", "\"\\uD800\"")));
        yield return Case("A lone surrogate in a column name", Records("""{"\uDC00": 1}"""));
        yield return Case("Deep nesting of arrays", new string('[', 100_000));
        yield return Case("Deep nesting inside a value", Records(With("income", new string('[', 500) + new string(']', 500))));
        yield return Case("Two formats", $$"""{"dataframe_records": [{{Row}}], "instances": [{{Row}}]}""");
        yield return Case("The same format twice", $$"""{"dataframe_records": [{{Row}}], "dataframe_records": [{{Row}}]}""");
        yield return Case("An unknown member", $$"""{"dataframe_records": [{{Row}}], "columns": ["income"]}""");
        yield return Case("Split without data", """{"dataframe_split": {"columns": ["income"]}}""");
        yield return Case("Split row too short", """{"dataframe_split": {"columns": ["income", "debt"], "data": [[1]]}}""");
        yield return Case("Split column name not a string", """{"dataframe_split": {"columns": [1], "data": [[1]]}}""");
        yield return Case("Split rows not arrays", """{"dataframe_split": {"columns": ["income"], "data": [{"income": 1}]}}""");
        yield return Case("Split names a column twice", """{"dataframe_split": {"columns": ["income", "income"], "data": [[1, 2]]}}""");
        yield return Case("Columnar inputs of different lengths", """{"inputs": {"income": [1, 2], "debt": [0.1]}}""");
        yield return Case("Params not an object", $$"""{"dataframe_records": [{{Row}}], "params": 0.3}""");
        yield return Case("Unknown param", "{\"dataframe_records\": [" + Row + "], \"params\": {\"temperature\": 0.3}}");
        yield return Case("Threshold above one", "{\"dataframe_records\": [" + Row + "], \"params\": {\"threshold\": 2}}");
        yield return Case("Trailing comma", $$"""{"dataframe_records": [{{Row}},]}""");
        yield return Case("A comment", $$"""{"dataframe_records": [{{Row}}]} // rows""");
        yield return Case("Two documents", $$"""{"dataframe_records": [{{Row}}]} {}""");
        yield return Case("Invalid UTF-8 in a string", [.. Encoding.UTF8.GetBytes("""{"dataframe_records": [{"region": " """), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\"}]}")]);
        yield return Case("UTF-16 body", Encoding.Unicode.GetBytes(Records(Row)));
        yield return Case("Lone continuation bytes", [0x80, 0x80, 0x80]);
        yield return Case("Plain text content type", Records(Row), "text/plain", 415);
        yield return Case("No content type", Encoding.UTF8.GetBytes(Records(Row)), null, 415);
        yield return Case("XML content type", "<rows/>", "application/xml", 415);
        yield return Case("Latin-1 charset", Records(Row), "application/json; charset=iso-8859-1", 415);
        yield return Case("Empty CSV", "", Csv);
        yield return Case("CSV header without rows", "income,debt\n", Csv);
        yield return Case("CSV ragged row", "income,debt\n1\n", Csv);
        yield return Case("CSV unknown column", "salary\n1\n", Csv);
        yield return Case("CSV header names a column twice", "income,income\n1,2\n", Csv);
        yield return Case("CSV text for a number", "income,debt,region,note,verified\nabc,0.1,north,,true\n", Csv);
        yield return Case("CSV unterminated quote", "income,debt,region,note,verified\n1,0.1,\"north,,true\n", Csv);
        yield return Case("CSV invalid UTF-8", [.. Encoding.UTF8.GetBytes("income,region\n1,"), 0xFF, 0xFE, (byte)'\n'], Csv);
        yield return Case("More rows than the server takes", "{\"dataframe_records\": [" + string.Join(",", Enumerable.Repeat("{}", 10_001)) + "]}", Json, 413);
        yield return Case("A CSV header naming a column twice after a BOM", [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes("income,income\n1,2\n")], Csv);
        yield return Case("Body over the limit", new byte[(1024 * 1024) + 1], Json, 413);
        yield return Case("100 MB body", new byte[100 * 1024 * 1024], Json, 413);
    }

    [TestCaseSource(nameof(Corpus))]
    public async Task Should_Turn_It_Away_With_Problem_Details(byte[] body, string? contentType, int status)
    {
        // When
        var response = await server.PostAsync(body, contentType);

        // Then
        Assert.That((int)response.StatusCode, Is.EqualTo(status), await response.Content.ReadAsStringAsync());
        var problem = await ScoringServer.ProblemAsync(response);
        Assert.That(problem.GetProperty("status").GetInt32(), Is.EqualTo(status));
        Assert.That(problem.GetProperty("detail").GetString(), Is.Not.Empty);
    }

    [Test]
    public void Should_Hold_At_Least_Forty_Cases() => Assert.That(Corpus().Count(), Is.GreaterThanOrEqualTo(40));

    [Test]
    public async Task Should_Turn_Away_A_Chunked_Body_Over_The_Limit()
    {
        // Given: no Content-Length, so the limit can only be found while reading.
        using var content = new StreamContent(new MemoryStream(new byte[(2 * 1024 * 1024) + 7]));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(Json);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/invocations") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        // When
        var response = await server.CreateClient().SendAsync(request);

        // Then
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
    }

    [Test]
    public async Task Should_Never_Answer_500_To_Mutated_Requests()
    {
        // Given: valid requests with bytes flipped, cut or repeated, from a fixed seed.
        var random = new Random(20261126);
        var valid = Encoding.UTF8.GetBytes($$"""{"dataframe_records": [{{TestModel.Record(1)}}, {{TestModel.Record(2)}}]}""");
        var statuses = new List<int>();

        // When
        for (var i = 0; i < 300; i++)
        {
            var body = valid.ToArray();
            switch (i % 3)
            {
                case 0:
                    body[random.Next(body.Length)] = (byte)random.Next(256);
                    break;
                case 1:
                    body = body[..random.Next(body.Length)];
                    break;
                default:
                    var at = random.Next(body.Length);
                    body = [.. body[..at], .. body[at..(at + random.Next(body.Length - at))], .. body[at..]];
                    break;
            }

            statuses.Add((int)(await server.PostAsync(body)).StatusCode);
        }

        // Then
        Assert.That(statuses, Has.All.LessThan(500));
        Assert.That(statuses, Has.Some.EqualTo(400));
    }
}
