using System.Globalization;

namespace MlOps.Tasks.Tracking;

/// <summary>
/// One table's rows as read from a store, column by column as the engine returned them, to be written to another store with the same
/// <c>@name</c> SQL on either engine (<see cref="StoreCopy"/>). Values are ids, texts, numbers and nulls, which both engines take as they are.
/// </summary>
internal sealed class StoreTable
{
    private readonly string[] columns;

    private StoreTable(string name, string[] columns, List<object?[]> rows)
    {
        Name = name;
        this.columns = columns;
        Rows = rows;
    }

    public string Name { get; }

    public IReadOnlyList<object?[]> Rows { get; }

    /// <summary>The rows of <paramref name="table"/>'s <paramref name="columns"/> (comma-separated), in <paramref name="order"/>.</summary>
    public static StoreTable Read(StoreConnection connection, string table, string columns, string order)
    {
        var names = columns.Split(',', StringSplitOptions.TrimEntries);
        var rows = connection.Query($"SELECT {columns} FROM {table} ORDER BY {order}", row =>
        {
            var values = new object?[names.Length];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = row.IsDBNull(i) ? null : row.GetValue(i);
            }

            return values;
        });
        return new StoreTable(table, names, rows);
    }

    public object? Value(object?[] row, string column) => row[Index(column)];

    public string Text(object?[] row, string column) => (string)Value(row, column)!;

    public long Number(object?[] row, string column) => Convert.ToInt64(Value(row, column), CultureInfo.InvariantCulture);

    /// <summary>The row with <paramref name="column"/> set to <paramref name="value"/>.</summary>
    public object?[] With(object?[] row, string column, object? value)
    {
        var changed = (object?[])row.Clone();
        changed[Index(column)] = value;
        return changed;
    }

    /// <summary>Inserts <paramref name="row"/> into the same table of <paramref name="target"/> unless a row with its key is there.</summary>
    /// <returns>Whether it was inserted.</returns>
    public bool Insert(StoreConnection target, object?[] row)
    {
        var (sql, parameters) = Statement(row, skip: null);
        return target.Execute($"{sql} ON CONFLICT DO NOTHING", parameters) > 0;
    }

    /// <summary>Inserts <paramref name="row"/> into the same table of <paramref name="target"/> without its <c>id</c>, which the target assigns.</summary>
    /// <returns>The id the target assigned.</returns>
    public long InsertWithNewId(StoreConnection target, object?[] row)
    {
        var (sql, parameters) = Statement(row, skip: "id");
        return Convert.ToInt64(target.Scalar($"{sql} RETURNING id", parameters), CultureInfo.InvariantCulture);
    }

    private (string Sql, (string Name, object? Value)[] Parameters) Statement(object?[] row, string? skip)
    {
        var kept = Enumerable.Range(0, columns.Length).Where(i => columns[i] != skip).ToList();
        var parameters = kept.Select(i => ($"@c{i}", row[i])).ToArray();
        var names = string.Join(", ", kept.Select(i => columns[i]));
        return ($"INSERT INTO {Name} ({names}) VALUES ({string.Join(", ", parameters.Select(parameter => parameter.Item1))})", parameters);
    }

    private int Index(string column)
    {
        var index = Array.IndexOf(columns, column);
        return index >= 0 ? index : throw new ArgumentOutOfRangeException(nameof(column), column, $"{Name} has no column {column} here.");
    }
}
