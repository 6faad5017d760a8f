using MlOps.Tasks.CsvFiles;
using MlOps.Tasks.Pipeline;
using MlOps.Tasks.Tests.Expectations;

namespace MlOps.Tasks.Tests.CsvFiles;

/// <summary>Every malformed input of the data issue, with the message a user reads.</summary>
public sealed class TableReaderTests
{
    private const string Schema = "schema:\n  label: y\n  positive: '1'\n  columns:\n    - { name: x, type: numeric }\n    - { name: y, type: categorical }\n";

    private static List<string[]> ReadAll(byte[] bytes, CsvSection? csv = null)
    {
        using var reader = TableReader.Open(new MemoryStream(bytes), "t.csv", csv ?? new CsvSection(), ["x", "y"]);
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add([reader[0].ToString(), reader[1].ToString()]);
        }

        return rows;
    }

    private static string Refusal(byte[] bytes) =>
        Assert.Throws<InvalidFileException>(() => ReadAll(bytes))!.Message;

    [Test]
    public void Should_Refuse_An_Empty_File_Naming_The_Expected_Header()
    {
        Assert.That(Refusal([]), Is.EqualTo("t.csv:1:1: the file is empty; expected a header line with x,y."));
    }

    [Test]
    public void Should_Refuse_A_File_With_A_Header_But_No_Rows()
    {
        var error = TableValidation.Refused("x,y\n", Schema);
        Assert.That(error.Message, Is.EqualTo("data/t.csv:2:1: the file has a header but no data rows."));
    }

    [Test]
    public void Should_Name_The_Line_Of_A_Ragged_Row()
    {
        Assert.That(Refusal("x,y\n1,a\n2\n"u8.ToArray()),
            Is.EqualTo("t.csv:3:1: row 1 has 1 fields, but the header has 2; check the separator and the quoting of this line."));
    }

    [Test]
    public void Should_Recognise_A_Wrong_Separator()
    {
        Assert.That(Refusal("x;y\n1;a\n"u8.ToArray()),
            Is.EqualTo("t.csv:1:1: the header is one field, 'x;y'; the file seems separated by ';', but data.csv.separator is ','."));
    }

    [Test]
    public void Should_Name_The_Line_Column_And_Offset_Of_A_Byte_That_Is_Not_Utf8()
    {
        Assert.That(Refusal([.. "x,y\n1,caf"u8, 0xE9, .. "\n2,b\n"u8]),
            Is.EqualTo("t.csv:2:6: the file is not UTF-8: byte 0xE9 at offset 9 is not part of a UTF-8 character; " +
                "save the file as UTF-8 (from Latin-1: iconv -f latin1 -t utf-8)."));
    }

    [Test]
    public void Should_Count_Characters_Across_Blocks_And_Accept_A_Character_Split_Between_Them()
    {
        // Given: a row of 40,000 two-byte characters starting at an odd offset, so one of them straddles every 64 KiB block
        var row = string.Concat(Enumerable.Repeat("\u00e9", 40_000));
        byte[] bytes = [.. "x,y\n12,"u8, .. System.Text.Encoding.UTF8.GetBytes(row), 0xFF, .. "\n3,c\n"u8];

        // When
        var error = Refusal(bytes);

        // Then
        Assert.That(error, Is.EqualTo("t.csv:2:40004: the file is not UTF-8: byte 0xFF at offset 80007 is not part of a UTF-8 character; " +
            "save the file as UTF-8 (from Latin-1: iconv -f latin1 -t utf-8)."));
        Assert.That(ReadAll([.. "x,y\n12,"u8, .. System.Text.Encoding.UTF8.GetBytes(row), .. "\n3,c\n"u8]), Has.Count.EqualTo(2));
    }

    [Test]
    public void Should_Refuse_A_Character_The_File_Ends_In_The_Middle_Of()
    {
        Assert.That(Refusal([.. "x,y\n1,caf"u8, 0xC3]),
            Is.EqualTo("t.csv:2:6: the file is not UTF-8: byte 0xC3 at offset 9 is not part of a UTF-8 character; " +
                "save the file as UTF-8 (from Latin-1: iconv -f latin1 -t utf-8)."));
    }

    [Test]
    public void Should_Not_Count_The_Byte_Order_Mark_As_A_Column()
    {
        Assert.That(Refusal([0xEF, 0xBB, 0xBF, .. "x,"u8, 0xE9, .. "\n1,a\n"u8]),
            Is.EqualTo("t.csv:1:3: the file is not UTF-8: byte 0xE9 at offset 5 is not part of a UTF-8 character; " +
                "save the file as UTF-8 (from Latin-1: iconv -f latin1 -t utf-8)."));
    }

    [Test]
    public void Should_Refuse_A_Duplicated_Column()
    {
        Assert.That(Refusal("x,x\n1,2\n"u8.ToArray()), Is.EqualTo("t.csv:1:1: the header names the column 'x' more than once."));
    }

    [Test]
    public void Should_Skip_Blank_Lines_As_Pandas_Does()
    {
        // When
        var rows = ReadAll("x,y\n1,a\n\n2,b\n\n"u8.ToArray());

        // Then
        Assert.That(rows, Has.Count.EqualTo(2));
    }

    [Test]
    public void Should_Number_The_First_Line_Of_A_File_Without_Header_As_Line_1()
    {
        // When
        var report = TableValidation.Run("abc,a\n2,b\n", "  csv:\n    header: false\n" + Schema);

        // Then
        Assert.That(report.Failures.Single().PartialUnexpected.Single().Line, Is.EqualTo(1));
    }

    [Test]
    public void Should_Ask_For_The_Columns_Of_A_File_Without_Header_And_Schema()
    {
        var error = TableValidation.Refused("1,a\n", "  csv:\n    header: false\n");
        Assert.That(error.Message, Is.EqualTo("pipelines/p.yaml:6:13: data.csv.header is false, so schema.columns must list the file's columns in order."));
    }

    [Test]
    public void Should_Drop_A_Byte_Order_Mark_And_Read_Crlf()
    {
        // When
        var rows = ReadAll([0xEF, 0xBB, 0xBF, .. "x,y\r\n1,a\r\n2,b\r\n"u8]);

        // Then
        Assert.That(rows, Is.EqualTo(new[] { new[] { "1", "a" }, new[] { "2", "b" } }));
    }

    [Test]
    public void Should_Read_Quoted_Separators_Quotes_And_Newlines()
    {
        // When
        var rows = ReadAll("x,y\n1,\"a, \"\"b\"\"\nc\"\n"u8.ToArray());

        // Then
        Assert.That(rows.Single()[1], Is.EqualTo("a, \"b\"\nc"));
    }

    [Test]
    public void Should_Report_NaN_And_Infinity_In_A_Numeric_Column_As_Not_Finite()
    {
        // When
        var report = TableValidation.Run("x,y\n1,a\nNaN,b\nInfinity,c\n", Schema);

        // Then
        var type = report.Results.Single(r => r.Expectation == "expect_column_values_to_be_of_type");
        Assert.That(type.Success, Is.False);
        Assert.That(type.Summary, Is.EqualTo("x: 2 of 3 values (66.67 %) are not finite numbers, e.g. 'NaN' at row 1 (line 3), 'Infinity' at row 2 (line 4)."));
    }

    [Test]
    public void Should_Report_Missing_And_Extra_Columns_In_The_Schema_Check()
    {
        // When
        var report = TableValidation.Run("x,z\n1,a\n", Schema);

        // Then
        Assert.That(report.Failures.Select(f => f.Summary), Is.EqualTo(new[] { "y: missing from the file; it has x, z.", "y: no such column in data/t.csv." }));
        Assert.That(report.Warnings.Single().Summary, Is.EqualTo("the file has columns the schema does not declare (ignored): z; add them to schema.columns or remove them."));
    }

    [Test]
    public void Should_Read_The_Uci_Adult_Format_From_The_Pipeline_File_Alone()
    {
        // Given: no header, ", " separators, '?' for missing, label '>50K'.
        var csv = "39, State-gov, 77516, Bachelors, Never-married, Male, <=50K\n"
            + "50, ?, 83311, Bachelors, Married-civ-spouse, Male, >50K\n"
            + "38, Private, ?, HS-grad, Divorced, Female, <=50K\n";
        var yaml = """
            schema:
              label: income
              positive: ">50K"
              columns:
                - { name: age, type: numeric }
                - { name: workclass, type: categorical }
                - { name: fnlwgt, type: numeric }
                - { name: education, type: categorical }
                - { name: marital_status, type: categorical }
                - { name: sex, type: categorical }
                - { name: income, type: categorical }
            expectations:
              - expect: expect_column_values_to_not_be_null
                column: workclass
              - expect: expect_column_values_to_be_in_set
                column: income
                value_set: ["<=50K", ">50K"]
            """;

        // When
        var report = TableValidation.Run(csv, yaml.Replace("schema:", "  csv:\n    header: false\n    trim: true\n    missing: ['?']\nschema:", StringComparison.Ordinal));

        // Then
        Assert.That(report.Rows, Is.EqualTo(3));
        Assert.That(report.Results.Where(r => !r.Success).Select(r => r.Summary),
            Is.EqualTo(new[] { "workclass: 1 of 3 values (33.33 %) are not present, e.g. null at row 1 (line 2)." }));
        var fnlwgt = report.Profile.Columns.Single(c => c.Name == "fnlwgt");
        Assert.That((fnlwgt.Count, fnlwgt.Missing, fnlwgt.Max), Is.EqualTo((2L, 1L, (double?)83311)));
    }

    [Test]
    [Category("Slow")]
    public void Should_Stream_A_Two_Gigabyte_File_Without_Loading_It()
    {
        // Given: 2 GiB of rows produced on the fly, never held in memory.
        const long rowCount = (2L << 30) / 28;
        using var stream = new GeneratedCsv(rowCount);
        using var reader = TableReader.Open(stream, "big.csv", new CsvSection(), ["x", "y"]);
        var before = GC.GetTotalMemory(forceFullCollection: true);

        // When
        long rows = 0;
        while (reader.Read())
        {
            rows++;
        }

        // Then
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Assert.That(rows, Is.EqualTo(rowCount));
        Assert.That(after - before, Is.LessThan(64L << 20), "memory must not grow with the file");
    }

    /// <summary>A read-only stream of a header and <paramref name="rows"/> rows of 28 bytes.</summary>
    private sealed class GeneratedCsv(long rows) : Stream
    {
        private static readonly byte[] Header = "x,y\n"u8.ToArray();
        private static readonly byte[] Row = "12345.678,category_value_ab\n"u8.ToArray();
        private readonly long length = Header.Length + (rows * Row.Length);
        private long position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var written = 0;
            while (written < count && position < length)
            {
                var (source, at) = position < Header.Length ? (Header, (int)position) : (Row, (int)((position - Header.Length) % Row.Length));
                var take = (int)Math.Min(Math.Min(source.Length - at, count - written), length - position);
                Array.Copy(source, at, buffer, offset + written, take);
                written += take;
                position += take;
            }

            return written;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
