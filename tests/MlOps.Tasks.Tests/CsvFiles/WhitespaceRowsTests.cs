using System.Text;
using MlOps.Tasks.CsvFiles;
using MlOps.Tasks.Pipeline;
using MlOps.Tasks.Tests.Expectations;

namespace MlOps.Tasks.Tests.CsvFiles;

/// <summary><c>data.csv.separator: whitespace</c>: fields separated by runs of spaces and tabs, as pandas reads <c>sep=r"\s+"</c>.</summary>
public sealed class WhitespaceRowsTests
{
    private static readonly CsvSection Whitespace = new() { Separator = CsvSection.Whitespace };

    private static List<string[]> ReadAll(string text, CsvSection? csv = null, IReadOnlyList<string>? schemaColumns = null)
    {
        using var reader = TableReader.Open(new MemoryStream(Encoding.UTF8.GetBytes(text)), "t.txt", csv ?? Whitespace, schemaColumns ?? ["x", "y", "z"]);
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.Columns.Count).Select(i => reader[i].ToString())]);
        }

        return rows;
    }

    private static string Refusal(string text, CsvSection? csv = null) =>
        Assert.Throws<InvalidFileException>(() => ReadAll(text, csv))!.Message;

    public sealed class Reading
    {
        [Test]
        public void Should_Read_The_Statlog_German_Credit_Layout_From_The_Pipeline_File_Alone()
        {
            // Given: header names aligned by runs of spaces, categorical codes (A11), numbers, and the label 1 (good) or 2 (bad).
            var csv = "checking_status   duration  credit_history  purpose  credit_amount  savings_status  age  class\n"
                + "A11               6         A34             A43      1169           A65             67   1\n"
                + "A12               48        A32             A43      5951           A61             22   2\n"
                + "A14               12        A34             A46      2096           A61             49   1\n";
            var yaml = """
                  csv: { separator: whitespace }
                schema:
                  label: class
                  positive: "2"
                  columns:
                    - { name: checking_status, type: categorical }
                    - { name: duration, type: numeric }
                    - { name: credit_history, type: categorical }
                    - { name: purpose, type: categorical }
                    - { name: credit_amount, type: numeric }
                    - { name: savings_status, type: categorical }
                    - { name: age, type: numeric }
                    - { name: class, type: categorical }
                expectations:
                  - expect: expect_column_values_to_be_in_set
                    column: checking_status
                    value_set: [A11, A12, A13, A14]
                """;

            // When
            var report = TableValidation.Run(csv, yaml);

            // Then
            Assert.That(report.Rows, Is.EqualTo(3));
            Assert.That(report.Results.Where(r => !r.Success).Select(r => r.Summary), Is.Empty);
            var amount = report.Profile.Columns.Single(c => c.Name == "credit_amount");
            Assert.That((amount.Count, amount.Missing, amount.Min, amount.Max), Is.EqualTo((3L, 0L, (double?)1169, (double?)5951)));
        }

        [Test]
        public void Should_Separate_By_Tabs_Mixed_With_Spaces_And_Ignore_Whitespace_At_Both_Ends_Of_A_Line()
        {
            // When
            var rows = ReadAll("x \t y\t\tz\n  \t1   2 \t 3 \t\n\t4\t5\t6\n");

            // Then
            Assert.That(rows, Is.EqualTo(new[] { new[] { "1", "2", "3" }, new[] { "4", "5", "6" } }));
        }

        [Test]
        public void Should_Skip_Lines_That_Are_Empty_Or_Only_Whitespace()
        {
            // When
            var rows = ReadAll("\n  \nx y z\n1 2 3\n\n \t \n4 5 6\n\n");

            // Then
            Assert.That(rows, Is.EqualTo(new[] { new[] { "1", "2", "3" }, new[] { "4", "5", "6" } }));
        }

        [Test]
        public void Should_Read_A_File_Without_Header_In_Schema_Order()
        {
            // When
            var rows = ReadAll("  1 2 3\r\n4 5 6\r\n", Whitespace with { Header = false });

            // Then
            Assert.That(rows, Is.EqualTo(new[] { new[] { "1", "2", "3" }, new[] { "4", "5", "6" } }));
        }

        [TestCase("x y z\n\"a b\" \"p\"\"q\" r\n", "a b", "p\"q", "r")]
        [TestCase("x y z\n\"a\nb\" \"\" r\n", "a\nb", "", "r")]
        [TestCase("x y z\nx\"y \"a\"b r\n", "x\"y", "ab", "r")]
        public void Should_Quote_As_Pandas_Does(string text, string x, string y, string z)
        {
            // When: a quote opens a field only at its start; "" inside quotes is a quote; text after the closing quote joins the field.
            var row = ReadAll(text).Single();

            // Then
            Assert.That(row, Is.EqualTo(new[] { x, y, z }));
        }

        [Test]
        public void Should_Trim_Quoted_Values_When_The_Dialect_Says_So()
        {
            // When
            var row = ReadAll("x y z\n\" a \" b c\n", Whitespace with { Trim = true }).Single();

            // Then
            Assert.That(row[0], Is.EqualTo("a"));
        }
    }

    public sealed class Errors
    {
        [Test]
        public void Should_Name_The_Line_And_Column_Of_The_First_Field_Too_Many()
        {
            Assert.That(Refusal("x  y  z\n1  2  3\n4  5  6   7\n"),
                Is.EqualTo("t.txt:3:11: row 1 has 4 fields, but the header has 3; check the separator and the quoting of this line."));
        }

        [Test]
        public void Should_Name_The_Line_And_Column_Where_A_Field_Is_Missing()
        {
            Assert.That(Refusal("x y z\n1 2 3\n\n  4\t5  \n"),
                Is.EqualTo("t.txt:4:6: row 1 has 2 fields, but the header has 3; check the separator and the quoting of this line."));
        }

        [Test]
        public void Should_Count_Against_The_Schema_In_A_File_Without_Header()
        {
            Assert.That(Refusal("1 2 3 4\n", Whitespace with { Header = false }),
                Is.EqualTo("t.txt:1:7: row 0 has 4 fields, but the schema has 3; check the separator and the quoting of this line."));
        }

        [Test]
        public void Should_Name_The_Place_Of_A_Quote_That_Is_Never_Closed()
        {
            Assert.That(Refusal("x y z\n1 2 3\n4  \"5 6\n7 8 9\n"),
                Is.EqualTo("t.txt:3:4: a quoted value starts here and is never closed; add the closing quote (write \"\" for a quote inside quotes)."));
        }

        [Test]
        public void Should_Name_A_Column_The_Header_Names_Twice()
        {
            Assert.That(Refusal("x   y   x\n1 2 3\n"), Is.EqualTo("t.txt:1:9: the header names the column 'x' more than once."));
        }

        [Test]
        public void Should_Refuse_An_Empty_File()
        {
            Assert.That(Refusal(" \n\t\n"), Is.EqualTo("t.txt:1:1: the file is empty; expected a header line with x,y,z."));
        }

        [Test]
        public void Should_Recognise_A_Comma_Separated_File()
        {
            Assert.That(Refusal("x,y,z\n1,2,3\n"),
                Is.EqualTo("t.txt:1:1: the header is one field, 'x,y,z'; the file seems separated by ',', but data.csv.separator is whitespace."));
        }

        [Test]
        public void Should_Suggest_Whitespace_For_A_Whitespace_Aligned_File_Read_With_Commas()
        {
            Assert.That(Refusal("x   y   z\n1   2   3\n", new CsvSection()),
                Is.EqualTo("t.txt:1:1: the header is one field, 'x   y   z'; the file seems separated by whitespace, but data.csv.separator is ','."));
        }
    }
}
