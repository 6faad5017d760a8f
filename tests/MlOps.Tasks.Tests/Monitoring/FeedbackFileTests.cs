using MlOps.Tasks.Monitoring;
using MlOps.Tasks.Pipeline;
using MlOps.Testing;

namespace MlOps.Tasks.Tests.Monitoring;

public sealed class FeedbackFileTests
{
    private static readonly SchemaSection Schema = MonitorPipelines.Load(MonitorPipelines.Head).Schema!;

    private static IReadOnlyList<Feedback> Read(string file, string text, ConceptDriftSection? concept = null)
    {
        using var temp = new TempDirectory();
        return FeedbackFile.Read(temp.Write(file, text), file, concept ?? new ConceptDriftSection(), Schema);
    }

    private static string Fails(string file, string text, ConceptDriftSection? concept = null) =>
        Assert.Throws<InvalidFileException>(() => Read(file, text, concept))!.Message;

    [Test]
    public void Should_Read_Csv_Rows_With_The_Schema_Label()
    {
        // When
        var rows = Read("feedback.csv", "default,id,note\n1,req-1,late\n0,req-2,\n");

        // Then
        Assert.That(rows, Is.EqualTo(new[] { new Feedback("req-1", true, "feedback.csv:2"), new Feedback("req-2", false, "feedback.csv:3") }));
    }

    [Test]
    public void Should_Read_The_Columns_Monitoring_Concept_Names()
    {
        // Given
        var concept = new ConceptDriftSection { IdColumn = "request", LabelColumn = "outcome" };

        // When
        var rows = Read("feedback.csv", "request,outcome\nreq-9,1\n", concept);

        // Then
        Assert.That(rows, Is.EqualTo(new[] { new Feedback("req-9", true, "feedback.csv:2") }));
    }

    [Test]
    public void Should_Read_Json_Lines_With_Labels_As_Numbers_Or_Text_And_Skip_Blank_Lines()
    {
        // When
        var rows = Read("feedback.jsonl", "{\"id\": \"req-1\", \"default\": 1}\n\n{\"id\": 17, \"default\": \"0\"}\n{\"id\": \"req-3\", \"default\": \"1\", \"extra\": null}\n");

        // Then
        Assert.That(rows, Is.EqualTo(new[]
        {
            new Feedback("req-1", true, "feedback.jsonl:1"), new Feedback("17", false, "feedback.jsonl:3"), new Feedback("req-3", true, "feedback.jsonl:4"),
        }));
    }

    [Test]
    public void Should_Take_The_Positive_Label_Written_As_Another_Number_Or_Boolean_Form()
    {
        // When: the positive label is "1"
        var rows = Read("feedback.jsonl", "{\"id\": \"a\", \"default\": 1.0}\n{\"id\": \"b\", \"default\": true}\n" +
            "{\"id\": \"c\", \"default\": 0.0}\n{\"id\": \"d\", \"default\": \"no\"}\n");

        // Then
        Assert.That(rows.Select(r => r.Positive), Is.EqualTo(new[] { true, true, false, false }));
    }

    [Test]
    public void Should_Name_The_File_And_Its_Columns_When_The_Label_Column_Is_Missing()
    {
        // When
        var error = Fails("feedback.csv", "id,label\nreq-1,1\n");

        // Then
        Assert.That(error, Is.EqualTo("feedback.csv:1:1: The feedback has no column 'default' (columns: id, label); name the column in monitoring.concept.label_column."));
    }

    [Test]
    public void Should_Name_The_File_And_Its_Columns_When_The_Id_Column_Is_Missing()
    {
        // When
        var error = Fails("feedback.csv", "request_id,default\nreq-1,1\n");

        // Then
        Assert.That(error, Is.EqualTo("feedback.csv:1:1: The feedback has no column 'id' (columns: request_id, default); name the column in monitoring.concept.id_column."));
    }

    [Test]
    public void Should_Name_The_Line_Of_A_Row_Without_An_Id()
    {
        // When
        var error = Fails("feedback.csv", "id,default\nreq-1,1\n,0\n");

        // Then
        Assert.That(error, Is.EqualTo("feedback.csv:3:1: The row has no 'id'; every feedback row needs the id it refers to and the true label."));
    }

    [Test]
    public void Should_Name_The_Line_Of_A_Row_Without_A_Label()
    {
        // When
        var error = Fails("feedback.csv", "id,default\nreq-1,\n");

        // Then
        Assert.That(error, Is.EqualTo("feedback.csv:2:1: The row has no 'default'; every feedback row needs the id it refers to and the true label."));
    }

    [Test]
    public void Should_Name_The_Line_That_Is_Not_Json()
    {
        // When
        var error = Fails("feedback.jsonl", "{\"id\": \"req-1\", \"default\": 1}\n{\"id\": \"req-2\", \"default\": \n");

        // Then
        Assert.That(error, Does.StartWith("feedback.jsonl:2:1: Not JSON: "));
    }

    [Test]
    public void Should_Show_The_Expected_Object_For_A_Json_Line_Without_The_Label()
    {
        // When
        var error = Fails("feedback.ndjson", "{\"id\": \"req-1\", \"label\": 1}\n");

        // Then
        Assert.That(error, Is.EqualTo("feedback.ndjson:1:1: Expected an object with \"id\" and \"default\", e.g. {\"id\": \"…\", \"default\": 1}."));
    }
}
