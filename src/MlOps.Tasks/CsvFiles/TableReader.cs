using System.Text;
using MlOps.Tasks.Pipeline;
using nietras.SeparatedValues;

namespace MlOps.Tasks.CsvFiles;

/// <summary>
/// Streams a CSV file row by row in the pipeline's dialect (Sep underneath: quoted fields, quoted
/// newlines, CRLF, BOM; <see cref="WhitespaceRows"/> for <c>separator: whitespace</c>), and turns every way a
/// file can be unreadable into an <see cref="InvalidFileException"/> naming file, line and what to do. The one
/// reader that validation, training, monitoring and the smoke test share.
/// </summary>
internal sealed class TableReader : IDisposable
{
    // What a header of one field may be separated by, and its name in messages.
    private static readonly (char Probe, string Name)[] OtherSeparators = [(',', "','"), (';', "';'"), ('\t', "tabs"), ('|', "'|'"), (' ', CsvSection.Whitespace)];
    private readonly TextReader text;
    private readonly SepReader? reader;
    private readonly WhitespaceRows? words;
    private readonly bool trim;
    private readonly int fieldCount;
    private long lastLine = 1;
    private bool pendingRow;

    private TableReader(Stream stream, string file, CsvSection csv, IReadOnlyList<string> schemaColumns)
    {
        File = file;
        // The checking stream names the line of a byte that is not UTF-8; the decoder's own check is the fallback.
        text = new StreamReader(new Utf8CheckingStream(stream, file), new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, 1 << 16);
        if (!csv.Header && schemaColumns.Count == 0)
        {
            throw new InvalidFileException(csv.LocationOf("header") ?? new SourceLocation("pipeline", 1, 1),
                "data.csv.header is false, so schema.columns must list the file's columns in order.");
        }

        trim = csv.Trim;
        var whitespace = csv.Separator == CsvSection.Whitespace;
        bool empty;
        try
        {
            words = whitespace ? new WhitespaceRows(text, file) : null;
            reader = whitespace ? null : OpenSep(csv);
            empty = words is not null ? !words.MoveNext() : reader!.IsEmpty;
        }
        catch (DecoderFallbackException)
        {
            throw NotUtf8();
        }
        catch (ArgumentException e) when (e.Message.StartsWith("Col name '", StringComparison.Ordinal))
        {
            throw Error(1, $"the header names the column '{e.Message.Split('\'')[1]}' more than once.");
        }

        if (empty)
        {
            var expected = schemaColumns.Count > 0 ? $"; expected {(csv.Header ? "a header line" : "rows")} with {string.Join(',', schemaColumns)}" : "";
            throw Error(1, $"the file is empty{expected}.");
        }

        Columns = !csv.Header ? schemaColumns : words is not null ? HeaderWords(words) : reader!.Header.ColNames.ToList();
        fieldCount = csv.Header ? Columns.Count : -1;
        pendingRow = words is not null && !csv.Header;
        CheckHeader(csv.Separator, schemaColumns);
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
        if (words is not null)
        {
            return ReadWords();
        }

        try
        {
            if (!reader!.MoveNext())
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
    public ReadOnlySpan<char> this[int column] => words is null ? reader!.Current[column].Span : trim ? words[column].Trim() : words[column];

    /// <summary><paramref name="text"/> as a finite number (invariant culture, fast_float), or null when it is not one.</summary>
    public static double? Number(ReadOnlySpan<char> text) =>
        text.Length > 0 && csFastFloat.FastDoubleParser.TryParseDouble(text, out var consumed, out var value)
            && consumed == text.Length && double.IsFinite(value) ? value : null;

    /// <inheritdoc />
    public void Dispose()
    {
        reader?.Dispose();
        text.Dispose();
    }

    private SepReader OpenSep(CsvSection csv) =>
        Sep.New(csv.Separator.Length == 1 ? csv.Separator[0]
                : throw new ArgumentException($"The separator '{csv.Separator}' is neither one character nor whitespace.", nameof(csv)))
            .Reader(o => o with
            {
                HasHeader = csv.Header,
                Unescape = true,
                Trim = csv.Trim ? SepTrim.All : SepTrim.None,
                DisableColCountCheck = true,
            }).From(text);

    private List<string> HeaderWords(WhitespaceRows header)
    {
        var names = new List<string>(header.Count);
        for (var i = 0; i < header.Count; i++)
        {
            var name = (trim ? header[i].Trim() : header[i]).ToString();
            if (names.Contains(name))
            {
                throw Error(header.StartOf(i), $"the header names the column '{name}' more than once.");
            }

            names.Add(name);
        }

        return names;
    }

    private bool ReadWords()
    {
        try
        {
            // Without a header the constructor has already read the first row, to tell an empty file.
            if (!pendingRow && !words!.MoveNext())
            {
                return false;
            }
        }
        catch (DecoderFallbackException)
        {
            throw NotUtf8();
        }

        pendingRow = false;
        RowIndex++;
        lastLine = words!.Line;
        var expected = fieldCount < 0 ? Columns.Count : fieldCount;
        if (words.Count != expected)
        {
            throw Error(words.Count > expected ? words.StartOf(expected) : words.End, $"row {RowIndex} has {words.Count} fields, but the "
                + $"{(fieldCount < 0 ? "schema has" : "header has")} {expected}; check the separator and the quoting of this line.");
        }

        return true;
    }

    private void CheckHeader(string separator, IReadOnlyList<string> schemaColumns)
    {
        var configured = separator switch { CsvSection.Whitespace => CsvSection.Whitespace, "\t" => "tabs", _ => $"'{separator}'" };
        if (Columns.Count == 1 && schemaColumns.Count > 1
            && OtherSeparators.FirstOrDefault(o => o.Name != configured && Columns[0].Contains(o.Probe, StringComparison.Ordinal)) is { Name: { } other })
        {
            throw Error(1, $"the header is one field, '{Columns[0]}'; the file seems separated by {other}, but data.csv.separator is {configured}.");
        }
    }

    private InvalidFileException NotUtf8() =>
        Error(lastLine, "the file is not valid UTF-8 (from about this line); save it as UTF-8.");

    private InvalidFileException Error(long line, string problem) => Error((line, 1), problem);

    private InvalidFileException Error((long Line, long Column) place, string problem) => new(new SourceLocation(File, place.Line, place.Column), problem);
}
