using System.Text.Json;
using static MlOps.Serving.Requests.JsonRequestReader;

namespace MlOps.Serving.Requests;

/// <summary>Reads <c>dataframe_split</c> of MLflow's JSON scoring request.</summary>
internal static class SplitReader
{
    /// <summary><c>{"columns": [...], "data": [[...], ...], "index": [...]}</c>, pandas' split orientation.</summary>
    public static BatchBuilder Read(JsonElement split, InputLayout layout, int maxRows)
    {
        Expect(split, JsonValueKind.Object, "dataframe_split", "an object with 'columns' and 'data'");
        var members = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in split.EnumerateObject())
        {
            // JSON lets a name come twice and leaves which one counts to the reader: refused, not guessed.
            if (member.Name is not ("columns" or "data" or "index"))
            {
                throw Shape($"dataframe_split has a member '{Shown.Text(member.Name)}'; expected 'columns', 'data' and optionally 'index'.");
            }

            if (!members.Add(member.Name))
            {
                throw Shape($"dataframe_split has '{member.Name}' twice; send it once.");
            }
        }

        if (!split.TryGetProperty("columns", out var names) || !split.TryGetProperty("data", out var data))
        {
            throw Shape("dataframe_split needs both 'columns' (the column names) and 'data' (one array of values per row).");
        }

        Expect(names, JsonValueKind.Array, "dataframe_split.columns", "an array of column names");
        Expect(data, JsonValueKind.Array, "dataframe_split.data", "an array of rows, each an array of values");
        var batch = new BatchBuilder(layout, data.GetArrayLength(), maxRows);
        var columns = names.EnumerateArray().Select((name, i) =>
            name.ValueKind == JsonValueKind.String ? batch.Column(name.GetString()!, "dataframe_split.columns")
            : throw Shape($"dataframe_split.columns[{i}] is {Shown.Kind(name)}; expected a column name (a string).")).ToList();
        var row = 0;
        foreach (var values in data.EnumerateArray())
        {
            Expect(values, JsonValueKind.Array, $"dataframe_split.data[{row}]", "an array of values, one per column", row);
            if (values.GetArrayLength() != columns.Count)
            {
                throw new BadRequestException(Problems.InvalidFormat,
                    $"dataframe_split.data[{row}] has {values.GetArrayLength()} values, but 'columns' names {columns.Count}.", row: row);
            }

            var i = 0;
            foreach (var value in values.EnumerateArray())
            {
                batch.Set(columns[i], row, value, new(ValueLocation.Shape.Split, "dataframe_split.data", row, columns[i].Name, i));
                i++;
            }

            row++;
        }

        return batch;
    }
}
