using MlOps.Models.Tables;

namespace MlOps.Serving.Requests;

/// <summary>
/// A table of a fixed number of rows in the columns of an <see cref="InputLayout"/>, whose arrays a
/// request fills and hands back to its <see cref="TablePool"/> when answered, so small requests
/// allocate no table of their own.
/// </summary>
internal sealed class PooledTable
{
    private readonly TablePool? pool;

    public PooledTable(InputLayout layout, int rows, TablePool? pool)
    {
        this.pool = pool;
        Rows = rows;
        Numbers = [.. layout.Columns.Select(c => c.IsNumber ? new float[rows] : [])];
        Texts = [.. layout.Columns.Select(c => c.IsNumber ? [] : new string[rows])];
        Table = new([.. layout.Columns.Select(c => c.IsNumber ? (TableColumn)new NumberColumn(c.Name, Numbers[c.Index]) : new TextColumn(c.Name, Texts[c.Index]))]);
        Clear();
    }

    public int Rows { get; }

    /// <summary>The numbers per column (empty for text columns), missing as NaN.</summary>
    public float[][] Numbers { get; }

    /// <summary>The texts per column (empty for number columns), missing as "".</summary>
    public string[][] Texts { get; }

    /// <summary>The table over <see cref="Numbers"/> and <see cref="Texts"/>.</summary>
    public TableData Table { get; }

    /// <summary>Back to the pool, emptied, so a pooled table holds no request's data.</summary>
    public void Return()
    {
        Clear();
        pool?.Return(this);
    }

    private void Clear()
    {
        foreach (var numbers in Numbers)
        {
            Array.Fill(numbers, float.NaN);
        }

        foreach (var texts in Texts)
        {
            Array.Fill(texts, "");
        }
    }
}
