namespace MlOps.Tasks.CsvFiles;

/// <summary>
/// A block of rows copied out of the reader, column by column, so that columns can be checked on
/// several cores while the reader fills the next block.
/// </summary>
internal sealed class RowBatch
{
    private readonly char[][] text;
    private readonly int[][] starts;
    private readonly int[][] lengths;
    private readonly int[] used;
    private readonly long[] rows;
    private readonly long[] lines;

    public RowBatch(int columns, int capacity)
    {
        Capacity = capacity;
        text = Enumerable.Range(0, columns).Select(_ => new char[capacity * 16]).ToArray();
        starts = Enumerable.Range(0, columns).Select(_ => new int[capacity]).ToArray();
        lengths = Enumerable.Range(0, columns).Select(_ => new int[capacity]).ToArray();
        used = new int[columns];
        rows = new long[capacity];
        lines = new long[capacity];
    }

    public int Capacity { get; }

    public int Count { get; private set; }

    public bool IsFull => Count == Capacity;

    public void Add(TableReader reader)
    {
        for (var c = 0; c < text.Length; c++)
        {
            var value = reader[c];
            if (used[c] + value.Length > text[c].Length)
            {
                Array.Resize(ref text[c], Math.Max(text[c].Length * 2, used[c] + value.Length));
            }

            value.CopyTo(text[c].AsSpan(used[c]));
            starts[c][Count] = used[c];
            lengths[c][Count] = value.Length;
            used[c] += value.Length;
        }

        rows[Count] = reader.RowIndex;
        lines[Count] = reader.Line;
        Count++;
    }

    public ReadOnlySpan<char> Cell(int column, int row) => text[column].AsSpan(starts[column][row], lengths[column][row]);

    public long Row(int row) => rows[row];

    public long Line(int row) => lines[row];

    public void Clear()
    {
        Array.Clear(used);
        Count = 0;
    }
}
