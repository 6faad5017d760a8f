using System.Globalization;
using System.Text.Json;
using MlOps.Models.Tables;

namespace MlOps.Serving.Requests;

/// <summary>
/// Collects a request's values into the table the model scores, checking each against its column:
/// numbers for numeric columns, true/false for boolean ones, text for the rest, null for missing.
/// </summary>
internal sealed class BatchBuilder
{
    private readonly InputLayout layout;
    private readonly float[][] numbers;
    private readonly string[][] texts;
    private readonly bool[][] given;

    public BatchBuilder(InputLayout layout, int rows, int maxRows = int.MaxValue)
    {
        if (rows > maxRows)
        {
            throw new BadRequestException(Problems.TooLarge, string.Create(CultureInfo.InvariantCulture,
                $"The request has {rows:N0} rows; the server scores at most {maxRows:N0} per request. Split them over several requests, or raise MLOPS_MAX_ROWS."));
        }

        this.layout = layout;
        Rows = rows;
        numbers = [.. layout.Columns.Select(c => c.IsNumber ? Filled(rows, float.NaN) : [])];
        texts = [.. layout.Columns.Select(c => c.IsNumber ? [] : Filled(rows, ""))];
        given = [.. layout.Columns.Select(_ => new bool[rows])];
    }

    /// <summary>How many rows the request has.</summary>
    public int Rows { get; }

    /// <summary>The column a request names in <paramref name="container"/> (row <paramref name="row"/> of it, if it has rows), or a 400 saying why there is none.</summary>
    public InputColumn Column(string name, string container, int row = -1)
    {
        if (layout.Find(name) is { } column)
        {
            return column;
        }

        var where = row >= 0 ? string.Create(CultureInfo.InvariantCulture, $"{container}[{row}]") : container;
        var detail = name == layout.Label
            ? $"{where} names '{name}', the label the model predicts; leave it out of scoring requests."
            : $"{where} names the column '{Shown.Text(name)}', which the model does not know. Its columns are: {string.Join(", ", layout.Columns.Select(c => c.Name))}.";
        throw new BadRequestException(Problems.UnknownColumn, detail, name);
    }

    /// <summary>Sets one value from JSON.</summary>
    public void Set(InputColumn column, int row, JsonElement value, ValueLocation where)
    {
        Given(column, row, where);
        if (column.IsNumber)
        {
            numbers[column.Index][row] = Number(column, value, row, where);
        }
        else
        {
            texts[column.Index][row] = Text(column, value, row, where);
        }
    }

    /// <summary>Sets one value from a CSV cell; the empty cell is missing.</summary>
    public void Set(InputColumn column, int row, string cell, ValueLocation where)
    {
        Given(column, row, where);
        if (!column.IsNumber)
        {
            texts[column.Index][row] = cell;
            return;
        }

        numbers[column.Index][row] = cell.Length == 0 ? float.NaN
            : column.Kind == Models.Schema.ColumnKind.Boolean ? BooleanText.Parse(cell) is { } flag ? (flag ? 1 : 0) : throw Invalid(column, row, where, $"'{Shown.Text(cell)}'")
            : double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? Checked(number, column, row, where)
            : throw Invalid(column, row, where, $"'{Shown.Text(cell)}'");
    }

    /// <summary>The table, once every row carries every column the model reads.</summary>
    public TableData Table()
    {
        foreach (var column in layout.Columns.Where(c => c.Required))
        {
            var row = Array.IndexOf(given[column.Index], false);
            if (row >= 0 && Rows > 0)
            {
                throw new BadRequestException(
                    Problems.MissingColumn,
                    $"Row {row} has no value for '{column.Name}', which the model reads. Send it in every row (null when unknown).",
                    column.Name,
                    row);
            }
        }

        return Unchecked();
    }

    /// <summary>The table as it is, missing values and all.</summary>
    public TableData Unchecked() =>
        new([.. layout.Columns.Select(c => c.IsNumber ? (TableColumn)new NumberColumn(c.Name, numbers[c.Index]) : new TextColumn(c.Name, texts[c.Index]))]);

    /// <summary>The values of the identifier column, when the request sent it.</summary>
    public IReadOnlyList<string>? Ids() =>
        layout.Id is { } id && given[id.Index].Any(g => g) ? texts[id.Index] : null;

    /// <summary>Records that a row sent the column; sending it twice is an error.</summary>
    private void Given(InputColumn column, int row, ValueLocation where)
    {
        if (given[column.Index][row])
        {
            throw new BadRequestException(Problems.DuplicateColumn, $"{where.Namer} names '{column.Name}' twice.", column.Name, row);
        }

        given[column.Index][row] = true;
    }

    private static float Number(InputColumn column, JsonElement value, int row, ValueLocation where) => value.ValueKind switch
    {
        JsonValueKind.Null => float.NaN,
        JsonValueKind.Number when column.Kind == Models.Schema.ColumnKind.Boolean =>
            value.GetRawText() switch { "1" => 1, "0" => 0, var raw => throw Invalid(column, row, where, Shown.Text(raw)) },
        JsonValueKind.Number => value.TryGetDouble(out var number) ? Checked(number, column, row, where) : throw OutOfRange(column, row, where),
        JsonValueKind.True or JsonValueKind.False when column.Kind == Models.Schema.ColumnKind.Boolean => value.GetBoolean() ? 1 : 0,
        // The message's quote of the value is made only when there is a message.
        JsonValueKind.String when column.Kind == Models.Schema.ColumnKind.Boolean =>
            BooleanText.Parse(value.GetString()) is { } flag ? (flag ? 1 : 0) : throw Invalid(column, row, where, Shown.Value(value)),
        _ => throw Invalid(column, row, where, Shown.Value(value)),
    };

    private static string Text(InputColumn column, JsonElement value, int row, ValueLocation where) => value.ValueKind switch
    {
        JsonValueKind.Null => "",
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => throw Invalid(column, row, where, Shown.Value(value)),
    };

    private static float Checked(double number, InputColumn column, int row, ValueLocation where) =>
        double.IsFinite(number) && Math.Abs(number) <= float.MaxValue ? (float)number : throw OutOfRange(column, row, where);

    private static BadRequestException OutOfRange(InputColumn column, int row, ValueLocation where) =>
        new(Problems.InvalidValue, $"{where}: the number is out of range for '{column.Name}' (at most ±3.4e38).", column.Name, row);

    private static BadRequestException Invalid(InputColumn column, int row, ValueLocation where, string got) =>
        new(Problems.InvalidValue, $"{where}: '{column.Name}' is {Expected(column)}, got {got}.", column.Name, row);

    private static string Expected(InputColumn column) => column.Kind switch
    {
        Models.Schema.ColumnKind.Numeric => "numeric: expected a number, or null when missing",
        Models.Schema.ColumnKind.Boolean => "boolean: expected true/false (also 1/0, \"yes\"/\"no\"), or null when missing",
        _ => $"{column.Kind.ToString().ToLowerInvariant()}: expected a string, or null when missing",
    };

    private static T[] Filled<T>(int rows, T value)
    {
        var values = new T[rows];
        Array.Fill(values, value);
        return values;
    }
}
