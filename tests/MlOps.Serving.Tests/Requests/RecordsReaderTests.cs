using System.Text;
using MlOps.Models.Bundles;
using MlOps.Models.Scoring;
using MlOps.Models.Tables;
using MlOps.Serving.Requests;

namespace MlOps.Serving.Tests.Requests;

/// <summary>The fast reading of plain records: the same table as the full reading, and every other request left to it.</summary>
public sealed class RecordsReaderTests
{
    private static readonly Lazy<(InputLayout Layout, ModelScorer Scorer)> Model = new(() =>
    {
        var bundle = ModelBundle.Open(TestModel.Bundle, PublicKey.FromPem(File.ReadAllText(TestModel.PublicKey)));
        var scorer = ModelScorer.Load(bundle.OpenModel());
        return (InputLayout.For(bundle.Schema, scorer), scorer);
    });

    private static InputLayout Layout => Model.Value.Layout;

    private static readonly string Row = TestModel.Record(1);

    private static byte[] Records(params string[] records) => Encoding.UTF8.GetBytes($$"""{"dataframe_records": [{{string.Join(", ", records)}}]}""");

    private static string With(string member, string value)
    {
        var start = Row.IndexOf($"\"{member}\": ", StringComparison.Ordinal) + member.Length + 4;
        var end = Row.IndexOfAny([',', '}'], start);
        return Row[..start] + value + Row[end..];
    }

    private static IEnumerable<TestCaseData> Plain()
    {
        yield return new TestCaseData(Records(TestModel.Record(0))).SetName("One row");
        yield return new TestCaseData(Records([.. Enumerable.Range(0, 40).Select(TestModel.Record)])).SetName("Forty rows, beyond the pooled sizes");
        yield return new TestCaseData(Records([.. Enumerable.Range(0, 2000).Select(TestModel.Record)])).SetName("Two thousand rows, more than a thread keeps buffers for");
        yield return new TestCaseData(Records(With("income", "null"), With("region", "null"), With("verified", "null"))).SetName("Nulls");
        yield return new TestCaseData(Records(With("region", "17"), With("note", "true"), With("note", "-1.5e3"))).SetName("Numbers and booleans for text");
        yield return new TestCaseData(Records(
            With("verified", "1"), With("verified", "0"), With("verified", "\"YES\""), With("verified", "\"no\""), With("verified", "true")))
            .SetName("Booleans as 1, 0, yes and no");
        yield return new TestCaseData(Records(With("income", "1e-45"), With("income", "3.4028234663852886e38"), With("income", "0.1"), With("debt", "-0")))
            .SetName("Numbers at float's edges");
        yield return new TestCaseData(Records(With("note", "\"caf\\u00e9 \\\"late\\\"\""), With("region", "\"n\\u006frth\""))).SetName("Escaped strings");
        yield return new TestCaseData(Records(Row.Replace("\"id\": \"r1\", ", "", StringComparison.Ordinal))).SetName("No identifier");
        yield return new TestCaseData(Encoding.UTF8.GetBytes($$"""{"instances": [{{Row}}]}""")).SetName("Instances");
        yield return new TestCaseData(Encoding.UTF8.GetBytes($$""" {"inputs":[{{Row}}]} """)).SetName("Inputs as rows, spaced");
    }

    private static IEnumerable<TestCaseData> NotPlain()
    {
        yield return new TestCaseData("").SetName("Empty body");
        yield return new TestCaseData("""{"dataframe_records": [""").SetName("Truncated");
        yield return new TestCaseData($$$"""{"dataframe_records": [{{{Row}}}]}} """).SetName("Content after the body");
        yield return new TestCaseData("""{"dataframe_records": []}""").SetName("No rows");
        yield return new TestCaseData("""{"dataframe_records": [null]}""").SetName("A row that is null");
        yield return new TestCaseData("""{"dataframe_records": {}}""").SetName("Rows not an array");
        yield return new TestCaseData($$"""{"dataframe_records": [{{With("income", "\"high\"")}}]}""").SetName("Text for a number");
        yield return new TestCaseData($$"""{"dataframe_records": [{{With("income", "true")}}]}""").SetName("A boolean for a number");
        yield return new TestCaseData($$"""{"dataframe_records": [{{With("income", "1e39")}}]}""").SetName("A number beyond float");
        yield return new TestCaseData($$"""{"dataframe_records": [{{With("income", "1e400")}}]}""").SetName("A number beyond double");
        yield return new TestCaseData($$"""{"dataframe_records": [{{With("income", "NaN")}}]}""").SetName("NaN literal");
        yield return new TestCaseData($$"""{"dataframe_records": [{{With("income", "[1]")}}]}""").SetName("An array for a number");
        yield return new TestCaseData($$"""{"dataframe_records": [{{With("verified", "2")}}]}""").SetName("Boolean column says 2");
        yield return new TestCaseData($$"""{"dataframe_records": [{{With("verified", "\"maybe\"")}}]}""").SetName("Boolean column says maybe");
        yield return new TestCaseData($$"""{"dataframe_records": [{{With("region", "{}")}}]}""").SetName("An object for a category");
        yield return new TestCaseData($$"""{"dataframe_records": [{{With("region", "\"\\uD800\"")}}]}""").SetName("A lone surrogate");
        yield return new TestCaseData($$"""{"dataframe_records": [{{With("region", new string('[', 500) + new string(']', 500))}}]}""").SetName("Deep nesting");
        yield return new TestCaseData($$"""{"dataframe_records": [{{Row.Replace("{", "{\"unknown\": 1, ", StringComparison.Ordinal)}}]}""").SetName("An unknown column");
        yield return new TestCaseData($$"""{"dataframe_records": [{{Row.Replace("{", "{\"default\": 1, ", StringComparison.Ordinal)}}]}""").SetName("The label");
        yield return new TestCaseData($$"""{"dataframe_records": [{{Row.Replace("{", "{\"income\": 1, ", StringComparison.Ordinal)}}]}""").SetName("A column twice");
        yield return new TestCaseData($$"""{"dataframe_records": [{{Row.Replace("\"income\": 27, ", "", StringComparison.Ordinal)}}]}""").SetName("A required column missing");
        yield return new TestCaseData($$"""{"dataframe_records": [{{Row.Replace("\"income\"", "\"inc\\u006fme\"", StringComparison.Ordinal)}}]}""")
            .SetName("An escaped column name");
        yield return new TestCaseData($$$"""{"dataframe_records": [{{{Row}}}], "params": {"threshold": 0.3}}""").SetName("Params");
        yield return new TestCaseData($$"""{"params": {"threshold": 2}, "dataframe_records": [{{Row}}]}""").SetName("Params first, out of range");
        yield return new TestCaseData($$"""{"dataframe_records": [{{Row}}], "instances": [{{Row}}]}""").SetName("Two formats");
        yield return new TestCaseData("""{"dataframe_split": {"columns": ["income"], "data": [[1]]}}""").SetName("Another shape");
        yield return new TestCaseData($$"""{"dataframe_records": [{{string.Join(", ", Enumerable.Repeat(Row, 4))}}]}""").SetName("More rows than allowed");
    }

    [TestCaseSource(nameof(Plain))]
    public void Should_Read_Plain_Records_Into_The_Table_The_Full_Reading_Gives(byte[] body)
    {
        // Given
        var full = JsonRequestReader.ReadFully(body, Layout, int.MaxValue);

        // When
        var fast = RecordsReader.TryRead(body, Layout, int.MaxValue);

        // Then
        Assert.That(fast, Is.Not.Null);
        Assert.That(fast!.Rows.RowCount, Is.EqualTo(full.Rows.RowCount));
        Assert.That(fast.Threshold, Is.EqualTo(full.Threshold));
        Assert.That(fast.Ids, full.Ids is null ? Is.Null : Is.EqualTo(full.Ids));
        for (var i = 0; i < full.Rows.Columns.Count; i++)
        {
            Assert.That(Values(fast.Rows.Columns[i]), Is.EqualTo(Values(full.Rows.Columns[i])), full.Rows.Columns[i].Name);
        }

        fast.Release();
    }

    [TestCaseSource(nameof(Plain))]
    public void Should_Give_Bit_Identical_Scores_To_The_Full_Reading(byte[] body)
    {
        // Given
        var full = Model.Value.Scorer.Score(JsonRequestReader.ReadFully(body, Layout, int.MaxValue).Rows);

        // When
        var request = JsonRequestReader.Read(body, Layout, int.MaxValue);
        var scores = Model.Value.Scorer.Score(request.Rows);
        request.Release();

        // Then
        Assert.That(scores.Select(BitConverter.DoubleToInt64Bits), Is.EqualTo(full.Select(BitConverter.DoubleToInt64Bits)));
    }

    [TestCaseSource(nameof(NotPlain))]
    public void Should_Leave_Anything_But_Plain_Valid_Records_To_The_Full_Reading(string body)
    {
        // When
        var fast = RecordsReader.TryRead(Encoding.UTF8.GetBytes(body), Layout, maxRows: 3);

        // Then
        Assert.That(fast, Is.Null);
    }

    [TestCaseSource(nameof(NotPlain))]
    public void Should_Turn_Away_Bad_Records_With_The_Problem_The_Full_Reading_Words(string body)
    {
        // Given
        var bytes = Encoding.UTF8.GetBytes(body);
        var expected = Outcome(() => JsonRequestReader.ReadFully(bytes, Layout, 3));

        // When
        var actual = Outcome(() => JsonRequestReader.Read(bytes, Layout, 3));

        // Then
        Assert.That(actual, Is.EqualTo(expected));
    }

    [Test]
    public void Should_Reuse_The_String_Of_A_Category_Seen_Before()
    {
        // Given
        var first = RecordsReader.TryRead(Records(Row), Layout, int.MaxValue)!;
        var region = ((TextColumn)first.Rows["region"]).Values[0];
        first.Release();

        // When
        var second = RecordsReader.TryRead(Records(Row), Layout, int.MaxValue)!;

        // Then
        Assert.That(((TextColumn)second.Rows["region"]).Values[0], Is.SameAs(region));
        second.Release();
    }

    [Test]
    public void Should_Give_The_Table_Back_Empty_When_Released()
    {
        // Given
        var request = RecordsReader.TryRead(Records(Row), Layout, int.MaxValue)!;

        // When
        request.Release();

        // Then
        var income = ((NumberColumn)request.Rows["income"]).Values;
        var note = ((TextColumn)request.Rows["note"]).Values;
        Assert.That(income, Is.All.NaN);
        Assert.That(note, Is.All.Empty);
    }

    private static string Outcome(Func<ScoringRequest> read)
    {
        try
        {
            var request = read();
            request.Release();
            return $"read {request.Rows.RowCount} rows";
        }
        catch (BadRequestException e)
        {
            return $"{e.Problem.Status} {e.Problem.Slug} field={e.Field} row={e.Row}: {e.Message}";
        }
    }

    private static object[] Values(TableColumn column) => column switch
    {
        NumberColumn numbers => [.. numbers.Values.Select(v => (object)BitConverter.SingleToInt32Bits(v))],
        TextColumn texts => [.. texts.Values],
        _ => throw new NotSupportedException(column.GetType().Name),
    };
}
