namespace MlOps.Tasks.CsvFiles;

/// <summary>
/// Rows of a file whose fields are separated by runs of spaces and tabs (<c>data.csv.separator: whitespace</c>), as pandas reads
/// <c>sep=r"\s+"</c>: whitespace at the start and end of a line is ignored and lines without a field are skipped. A field that
/// starts with a double quote is quoted up to the next lone quote (<c>""</c> inside stands for a quote) and may hold spaces, tabs
/// and line breaks; what follows the closing quote up to the next whitespace belongs to the same field. A quote elsewhere is text.
/// </summary>
internal sealed class WhitespaceRows(TextReader text, string file)
{
    private readonly List<FieldSpan> fields = [];
    private char[] values = new char[256];
    private int used;
    private long nextLine = 1;

    /// <summary>Fields in the current row.</summary>
    public int Count => fields.Count;

    /// <summary>1-based line where the current row starts.</summary>
    public long Line { get; private set; }

    /// <summary>Where the current row's last field ends: the place of a field the row lacks.</summary>
    public (long Line, long Column) End { get; private set; }

    /// <summary>The value of field <paramref name="index"/>, quotes removed.</summary>
    public ReadOnlySpan<char> this[int index] => values.AsSpan(fields[index].Start, fields[index].Length);

    /// <summary>Where field <paramref name="index"/> starts in the file.</summary>
    public (long Line, long Column) StartOf(int index) => (fields[index].Line, fields[index].Column);

    /// <summary>Moves to the next line that holds a field; false at the end of the file.</summary>
    /// <exception cref="InvalidFileException">A quoted value is never closed.</exception>
    public bool MoveNext()
    {
        fields.Clear();
        used = 0;
        while (fields.Count == 0)
        {
            if (text.ReadLine() is not { } line)
            {
                return false;
            }

            Line = nextLine++;
            Split(line);
        }

        return true;
    }

    private void Split(string line)
    {
        var (lineNumber, at) = (Line, 0);
        while (true)
        {
            while (at < line.Length && IsWhitespace(line[at]))
            {
                at++;
            }

            if (at == line.Length)
            {
                return;
            }

            var (start, startLine, startColumn) = (used, lineNumber, at + 1);
            var quoted = line[at] == '"';
            at += quoted ? 1 : 0;
            while (true)
            {
                if (at == line.Length)
                {
                    if (!quoted)
                    {
                        break;
                    }

                    // A line break inside quotes belongs to the value; the row goes on on the next line.
                    line = text.ReadLine() ?? throw new InvalidFileException(new SourceLocation(file, startLine, startColumn),
                        "a quoted value starts here and is never closed; add the closing quote (write \"\" for a quote inside quotes).");
                    (lineNumber, at) = (nextLine++, 0);
                    Append('\n');
                    continue;
                }

                var c = line[at++];
                if (quoted && c == '"')
                {
                    quoted = at < line.Length && line[at] == '"';
                    at += quoted ? 1 : 0;
                    if (!quoted)
                    {
                        continue;
                    }
                }
                else if (!quoted && IsWhitespace(c))
                {
                    at--;
                    break;
                }

                Append(c);
            }

            fields.Add(new FieldSpan(start, used - start, startLine, startColumn));
            End = (lineNumber, at + 1);
        }
    }

    private void Append(char c)
    {
        if (used == values.Length)
        {
            Array.Resize(ref values, values.Length * 2);
        }

        values[used++] = c;
    }

    private static bool IsWhitespace(char c) => c is ' ' or '\t';

    private readonly record struct FieldSpan(int Start, int Length, long Line, long Column);
}
