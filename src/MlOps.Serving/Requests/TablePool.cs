using System.Collections.Concurrent;

namespace MlOps.Serving.Requests;

/// <summary>
/// Tables of 1 to <see cref="MaxRows"/> rows for the requests of one <see cref="InputLayout"/>, kept
/// for reuse; larger requests get a table of their own (their scoring costs far more than the table).
/// </summary>
internal sealed class TablePool(InputLayout layout)
{
    /// <summary>The most rows a pooled table has.</summary>
    public const int MaxRows = 16;

    // Tables kept per row count: enough for every request in flight on a small machine.
    private const int KeptPerSize = 64;

    private readonly ConcurrentQueue<PooledTable>[] tables = [.. Enumerable.Range(0, MaxRows + 1).Select(_ => new ConcurrentQueue<PooledTable>())];

    /// <summary>An empty table (numbers NaN, texts "") of exactly <paramref name="rows"/> rows.</summary>
    public PooledTable Rent(int rows) =>
        rows > MaxRows ? new PooledTable(layout, rows, null)
        : tables[rows].TryDequeue(out var table) ? table
        : new PooledTable(layout, rows, this);

    public void Return(PooledTable table)
    {
        var kept = tables[table.Rows];
        if (kept.Count < KeptPerSize)
        {
            kept.Enqueue(table);
        }
    }
}
