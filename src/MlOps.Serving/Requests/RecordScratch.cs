using System.Text;
using System.Text.Json;
using MlOps.Models.Schema;
using MlOps.Models.Scoring;

namespace MlOps.Serving.Requests;

/// <summary>
/// One thread's growing column buffers for <see cref="RecordsReader"/>: the values of the rows read
/// so far, which columns the current row has given, and the categories seen before as strings to
/// reuse. Copied into a pooled table of the exact row count once the request is read.
/// </summary>
internal sealed class RecordScratch
{
    /// <summary>The most columns a layout may have for the fast reading (a row's columns are bits of one word).</summary>
    public const int MaxColumns = 64;

    // Known categories kept per column and thread; later ones are new strings (a client cannot grow memory).
    private const int MaxKnown = 64;
    private const int MaxKnownLength = 64;

    // Rows' worth of buffers a thread keeps between requests; a larger request's buffers are dropped after it.
    private const int KeptRows = 1024;

    private readonly float[][] numbers = [.. Enumerable.Range(0, MaxColumns).Select(_ => new float[1])];
    private readonly string[][] texts = [.. Enumerable.Range(0, MaxColumns).Select(_ => new string[1])];
    private readonly Dictionary<string, string>[] known = [.. Enumerable.Range(0, MaxColumns).Select(_ => new Dictionary<string, string>(StringComparer.Ordinal))];
    private InputLayout layout = null!;
    private ulong required;
    private ulong given;
    private bool idGiven;

    public int Rows { get; private set; }

    /// <summary>Whether the buffers have grown past what small requests need, so the thread should not keep them.</summary>
    public bool Large => numbers[0].Length > KeptRows;

    public void Start(InputLayout rows)
    {
        if (!ReferenceEquals(layout, rows))
        {
            layout = rows;
            required = 0;
            foreach (var column in rows.Columns.Where(c => c.Required))
            {
                required |= 1UL << column.Index;
            }

            foreach (var categories in known)
            {
                categories.Clear();
            }
        }

        Rows = 0;
        idGiven = false;
    }

    /// <summary>Starts a row with every value missing; returns its index.</summary>
    public int AddRow()
    {
        var row = Rows++;
        given = 0;
        if (row == numbers[0].Length)
        {
            for (var i = 0; i < layout.Columns.Count; i++)
            {
                Array.Resize(ref numbers[i], row * 2);
                Array.Resize(ref texts[i], row * 2);
            }
        }

        foreach (var column in layout.Columns)
        {
            numbers[column.Index][row] = float.NaN;
            texts[column.Index][row] = "";
        }

        return row;
    }

    /// <summary>Marks the column given in the current row; false when it already was.</summary>
    public bool Give(InputColumn column)
    {
        var bit = 1UL << column.Index;
        idGiven |= column.Kind == ColumnKind.Id;
        return (given & bit) == 0 && (given |= bit) != 0;
    }

    public bool EveryRequiredGiven() => (given & required) == required;

    public bool Set(InputColumn column, int row, float value)
    {
        numbers[column.Index][row] = value;
        return true;
    }

    public bool Set(InputColumn column, int row, string value)
    {
        texts[column.Index][row] = value;
        return true;
    }

    /// <summary>The string the reader is on; a category seen before is the same string again.</summary>
    public string Text(InputColumn column, ref Utf8JsonReader reader)
    {
        if (column.Kind != ColumnKind.Categorical || reader.ValueIsEscaped || reader.ValueSpan.Length > MaxKnownLength)
        {
            return reader.GetString()!;
        }

        Span<char> chars = stackalloc char[MaxKnownLength];
        var text = chars[..Encoding.UTF8.GetChars(reader.ValueSpan, chars)];
        var categories = known[column.Index];
        if (categories.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text, out var seen))
        {
            return seen;
        }

        var value = text.ToString();
        if (categories.Count < MaxKnown)
        {
            categories[value] = value;
        }

        return value;
    }

    /// <summary>The rows read, in a table of their own from the layout's pool.</summary>
    public ScoringRequest Request()
    {
        var table = layout.Tables.Rent(Rows);
        foreach (var column in layout.Columns)
        {
            if (column.IsNumber)
            {
                numbers[column.Index].AsSpan(0, Rows).CopyTo(table.Numbers[column.Index]);
            }
            else
            {
                texts[column.Index].AsSpan(0, Rows).CopyTo(table.Texts[column.Index]);
                Array.Clear(texts[column.Index], 0, Rows);
            }
        }

        var ids = idGiven && layout.Id is { } id ? table.Texts[id.Index] : null;
        return new ScoringRequest(table.Table, ids, ModelScorer.Threshold) { Pooled = table };
    }
}
