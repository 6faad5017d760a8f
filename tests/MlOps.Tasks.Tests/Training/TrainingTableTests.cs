using MlOps.Models.Tables;
using MlOps.Models.Training;
using MlOps.Tasks.Pipeline;
using MlOps.Tasks.Training;
using MlOps.Testing;

namespace MlOps.Tasks.Tests.Training;

public sealed class TrainingTableTests
{
    private static readonly SchemaSection Schema = new()
    {
        Label = "default",
        Positive = "1",
        Columns =
        [
            new() { Name = "id", Type = ColumnType.Id },
            new() { Name = "age", Type = ColumnType.Numeric },
            new() { Name = "region", Type = ColumnType.Categorical },
            new() { Name = "verified", Type = ColumnType.Boolean },
            new() { Name = "default", Type = ColumnType.Categorical },
        ],
    };

    private static TableData Read(string csv)
    {
        using var temp = new TempDirectory();
        temp.Write("t.csv", csv);
        return TrainingTable.Read(temp["t.csv"], "data/t.csv", new CsvSection { Missing = ["", "NA"] }, Schema);
    }

    private static string Fails(string csv) => Assert.Throws<InvalidFileException>(() => Read(csv))!.Message;

    [Test]
    public void Should_Type_Each_Column_By_The_Schema()
    {
        // When
        var table = Read("id,age,region,verified,default\na,30,north,yes,1\nb,NA,south,false,0\nc,41.5,,1,0\n");

        // Then
        Assert.That(((NumberColumn)table["age"]).Values, Is.EqualTo(new[] { 30f, float.NaN, 41.5f }));
        Assert.That(((TextColumn)table["region"]).Values, Is.EqualTo(new[] { "north", "south", "" }));
        Assert.That(((NumberColumn)table["verified"]).Values, Is.EqualTo(new[] { 1f, 0f, 1f }));
        Assert.That(((FlagColumn)table["default"]).Values, Is.EqualTo(new[] { true, false, false }));
    }

    [Test]
    public void Should_Leave_Out_Skipped_Columns_But_Never_The_Label()
    {
        // Given
        using var temp = new TempDirectory();
        temp.Write("t.csv", "id,age,region,verified,default\na,30,north,yes,1\nb,31,south,no,0\n");

        // When
        var table = TrainingTable.Read(temp["t.csv"], "data/t.csv", new CsvSection(), Schema, skip: new HashSet<string> { "id", "region", "default" });

        // Then
        Assert.That(table.Columns.Select(c => c.Name), Is.EqualTo(new[] { "age", "verified", "default" }));
    }

    [Test]
    public void Should_Read_Columns_By_Header_Name_Not_Position()
    {
        // When
        var table = Read("default,region,verified,age,id\n1,north,no,30,a\n0,south,yes,40,b\n");

        // Then
        Assert.That(((NumberColumn)table["age"]).Values, Is.EqualTo(new[] { 30f, 40f }));
    }

    [Test]
    public void Should_Name_Line_And_Column_Of_A_Value_That_Is_Not_A_Number()
    {
        Assert.That(Fails("id,age,region,verified,default\na,30,north,yes,1\nb,thirty,south,no,0\n"), Is.EqualTo(
            "data/t.csv:3:1: column 'age' (row 1) is numeric, but holds 'thirty'; fix the value, add it to data.csv.missing, or declare the column categorical."));
    }

    [Test]
    public void Should_Name_A_Boolean_That_Is_Not_One()
    {
        Assert.That(Fails("id,age,region,verified,default\na,30,north,maybe,1\n"), Is.EqualTo(
            "data/t.csv:2:1: column 'verified' (row 0) is boolean, but holds 'maybe'; expected true/false, yes/no or 1/0."));
    }

    [Test]
    public void Should_Refuse_A_Missing_Label()
    {
        Assert.That(Fails("id,age,region,verified,default\na,30,north,yes,1\nb,31,north,yes,NA\n"), Is.EqualTo(
            "data/t.csv:3:1: column 'default' (row 1) is the label and is missing; every training row needs a label."));
    }

    [Test]
    public void Should_Refuse_A_Third_Label_Value()
    {
        Assert.That(Fails("id,age,region,verified,default\na,30,north,yes,1\nb,31,north,yes,0\nc,32,north,yes,2\n"), Is.EqualTo(
            "data/t.csv:4:1: column 'default' (row 2) is the label and holds a third value '2' besides '1' and '0'; binary classification needs two."));
    }

    [Test]
    public void Should_Refuse_A_Label_Without_The_Positive_Value()
    {
        Assert.That(Fails("id,age,region,verified,default\na,30,north,yes,0\nb,31,north,yes,0\n"), Is.EqualTo(
            "data/t.csv:1:1: no row has the positive label '1' in 'default'; a classifier needs both classes (check schema.positive)."));
    }

    [Test]
    public void Should_Name_A_Schema_Column_Missing_From_The_Header()
    {
        Assert.That(Fails("id,age,region,default\na,30,north,1\n"), Is.EqualTo(
            "data/t.csv:1:1: the header has no column 'verified', which schema.columns declares."));
    }

    private static TableRows ReadRows(string csv, SchemaSection schema)
    {
        using var temp = new TempDirectory();
        temp.Write("t.csv", csv);
        return TrainingTable.ReadRows(temp["t.csv"], "data/t.csv", new CsvSection { Missing = ["", "NA"] }, schema);
    }

    [Test]
    public void Should_Key_Rows_By_Their_Id_And_Give_The_Line_Each_Starts_On()
    {
        // When: a blank line and a quoted line break move the later rows down
        var rows = ReadRows("id,age,region,verified,default\na,30,north,yes,1\n\nb,31,\"south\nwest\",no,0\nc,32,north,no,0\n", Schema);

        // Then
        Assert.That(rows.IdColumn, Is.EqualTo("id"));
        Assert.That(rows.Keys, Is.EqualTo(new[] { RowKey.Of("a"), RowKey.Of("b"), RowKey.Of("c") }));
        Assert.That(rows.Lines, Is.EqualTo(new long[] { 2, 4, 6 }));
    }

    [Test]
    public void Should_Key_Rows_Without_An_Id_By_Their_Content_Wherever_They_Stand()
    {
        // Given: the schema without its id column, and the same rows reordered with one appended
        var schema = Schema with { Columns = [.. Schema.Columns.Skip(1)] };
        const string Header = "age,region,verified,default\n";

        // When
        var before = ReadRows(Header + "30,north,yes,1\n31,south,no,0\n", schema);
        var after = ReadRows(Header + "33,east,no,0\n31,south,no,0\n30,north,yes,1\n", schema);

        // Then
        Assert.That(before.IdColumn, Is.Null);
        Assert.That(before.Keys[0], Is.EqualTo(RowKey.Of("30\u001fnorth\u001fyes\u001f1")));
        Assert.That(after.Keys.Skip(1), Is.EqualTo(before.Keys.Reverse()));
        Assert.That(after.Lines, Is.EqualTo(new long[] { 2, 3, 4 }));
    }
}
