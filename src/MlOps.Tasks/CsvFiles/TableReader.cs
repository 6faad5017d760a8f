using System.Text;
using MlOps.Tasks.Pipeline;
using nietras.SeparatedValues;

namespace MlOps.Tasks.CsvFiles;

/// <summary>
/// Streams a CSV file row by row in the pipeline's dialect (Sep underneath: quoted fields, quoted
/// newlines, CRLF, BOM), and turns every way a file can be unreadable into an
/// <see cref="InvalidFileException"/> naming file, line and what to do. The one reader that
/// validation, training and monitoring share.
/// </summary>
internal sealed class TableReader : IDisposable
{
    private static readonly char[] OtherSeparators = [',', ';', '\t', '|'];
    private readonly TextReader text;
    private readonly SepReader reader;
    private readonly int fieldCount;
    private long lastLine = 1;

    private TableReader(Stream stream, string file, CsvSection csv, IReadOnlyList<string> schemaColumns)
    {
        File = file;
        // The checking stream names the line of a byte that is not UTF-8; the decoder's own check is the fallback.
        text = new StreamReader(new Utf8CheckingStream(stream, file), new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, 1 << 16);
        var separator = csv.Separator.Length == 1 ? csv.Separator[0]
            : throw new InvalidFileException(csv.LocationOf("separator") ?? new SourceLocation("pipeline", 1, 1),
                $"'data.csv.separator' must be one character, not '{csv.Separator}' (for a tab write \"\\t\" in double quotes).");
        if (!csv.Header && schemaColumns.Count == 0)
        {
            throw new InvalidFileException(csv.LocationOf("header") ?? new SourceLocation("pipeline", 1, 1),
                "data.csv.header is false, so schema.columns must list the file's columns in order.");
        }

        try
        {
            reader = Sep.New(separator).Reader(o => o with
            {
                HasHeader = csv.Header,
                Unescape = true,
                Trim = csv.Trim ? SepTrim.All : SepTrim.None,
                DisableColCountCheck = true,
            }).From(text);
        }
        catch (DecoderFallbackException)
        {
            throw NotUtf8();
        }
        catch (ArgumentException e) when (e.Message.StartsWith("Col name '", StringComparison.Ordinal))
        {
            var name = e.Message.Split('\'')[1];
            throw Error(1, $"the header names the column '{name}' more than once.");
        }

        if (reader.IsEmpty)
        {
            var expected = schemaColumns.Count > 0 ? $"; expected {(csv.Header ? "a header line" : "rows")} with {string.Join(',', schemaColumns)}" : "";
            throw Error(1, $"the file is empty{expected}.");
        }

        Columns = csv.Header ? reader.Header.ColNames.ToList() : schemaColumns;
        fieldCount = csv.Header ? Columns.Count : -1;
        CheckHeader(separator, schemaColumns);
    }

    /// <summary>The file's name as shown in messages.</summary>
    public string File { get; }

    /// <summary>Column names: the header's, or the schema's for a file without header.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>0-based index of the current data row (GX's row index).</summary>
    public long RowIndex { get; private set; } = -1;

    /// <summary>1-based line where the current row starts.</summary>
    public long Line => lastLine;

    /// <summary>Opens <paramref name="path"/>; <paramref name="file"/> is its name in messages.</summary>
    public static TableReader Open(string path, string file, CsvSection csv, IReadOnlyList<string> schemaColumns)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Open(stream, file, csv, schemaColumns);
    }

    /// <summary>Reads CSV from a stream, which the reader then owns.</summary>
    public static TableReader Open(Stream stream, string file, CsvSection csv, IReadOnlyList<string> schemaColumns)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            return new TableReader(stream, file, csv, schemaColumns);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Moves to the next row; false at the end.</summary>
    public bool Read()
    {
        try
        {
            if (!reader.MoveNext())
            {
                return false;
            }
        }
        catch (DecoderFallbackException)
        {
            throw NotUtf8();
        }

        var row = reader.Current;
        var expected = fieldCount < 0 ? Columns.Count : fieldCount;
        if (row.ColCount == 1 && expected > 1 && row[0].Span.IsEmpty)
        {
            // A blank line, as pandas (and so GX) skips them.
            return Read();
        }

        RowIndex++;
        // Sep counts the first line of a file without header as line 2.
        lastLine = fieldCount < 0 && RowIndex == 0 ? 1 : row.LineNumberFrom;
        if (row.ColCount != expected)
        {
            throw Error(lastLine, $"row {RowIndex} has {row.ColCount} fields, but the {(fieldCount < 0 ? "schema has" : "header has")} {expected}; "
                + "check the separator and the quoting of this line.");
        }

        return true;
    }

    /// <summary>The current row's value in column <paramref name="column"/>, unescaped (and trimmed if the dialect says so).</summary>
    public ReadOnlySpan<char> this[int column] => reader.Current[column].Span;

    /// <summary><paramref name="text"/> as a finite number (invariant culture, fast_float), or null when it is not one.</summary>
    public static double? Number(ReadOnlySpan<char> text) =>
        text.Length > 0 && csFastFloat.FastDoubleParser.TryParseDouble(text, out var consumed, out var value)
            && consumed == text.Length && double.IsFinite(value) ? value : null;

    /// <inheritdoc />
    public void Dispose()
    {
        reader.Dispose();
        text.Dispose();
    }

    private void CheckHeader(char separator, IReadOnlyList<string> schemaColumns)
    {
        if (Columns.Count == 1 && schemaColumns.Count > 1
            && OtherSeparators.Where(c => c != separator).FirstOrDefault(c => Columns[0].Contains(c, StringComparison.Ordinal)) is var other and not '\0')
        {
            throw Error(1, $"the header is one field, '{Columns[0]}'; the file seems separated by {Name(other)}, but data.csv.separator is {Name(separator)}.");
        }
    }

    private static string Name(char separator) => separator == '\t' ? "tabs" : $"'{separator}'";

    private InvalidFileException NotUtf8() =>
        Error(lastLine, "the file is not valid UTF-8 (from about this line); save it as UTF-8.");

    private InvalidFileException Error(long line, string problem) => new(new SourceLocation(File, line, 1), problem);
}
