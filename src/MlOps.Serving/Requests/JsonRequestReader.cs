using System.Text.Json;
using MlOps.Models.Scoring;

namespace MlOps.Serving.Requests;

/// <summary>
/// Reads MLflow's JSON scoring request: an object with exactly one of <c>dataframe_split</c>,
/// <c>dataframe_records</c>, <c>instances</c> or <c>inputs</c>, and optionally <c>params</c>.
/// </summary>
internal static class JsonRequestReader
{
    private static readonly string[] Formats = ["dataframe_split", "dataframe_records", "instances", "inputs"];

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 16 };

    /// <summary>The request: plain dataframe_records the fast way (<see cref="RecordsReader"/>), everything else, and every error, by <see cref="ReadFully"/>.</summary>
    public static ScoringRequest Read(ReadOnlyMemory<byte> body, InputLayout layout, int maxRows) =>
        RecordsReader.TryRead(body.Span, layout, maxRows) ?? ReadFully(body, layout, maxRows);

    /// <summary>The request through a parsed document, which words every error.</summary>
    public static ScoringRequest ReadFully(ReadOnlyMemory<byte> body, InputLayout layout, int maxRows)
    {
        try
        {
            return Read(Parse(body), layout, maxRows);
        }
        catch (InvalidOperationException e)
        {
            // JsonElement.GetString throws this for escapes that are no text, such as a lone "\uD800".
            throw new BadRequestException(Problems.InvalidJson, $"The body holds a string that is not valid text: {e.Message}");
        }
    }

    private static ScoringRequest Read(JsonDocument parsed, InputLayout layout, int maxRows)
    {
        using var document = parsed;
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Shape($"The body is {Shown.Kind(root)}; expected an object with exactly one of {string.Join(", ", Formats)}.");
        }

        JsonProperty? format = null;
        double? threshold = null;
        foreach (var member in root.EnumerateObject())
        {
            if (member.NameEquals("params"))
            {
                threshold = threshold is null ? Parameters(member.Value) : throw Shape("The body has 'params' twice; send it once.");
            }
            else if (!Formats.Contains(member.Name))
            {
                throw Shape($"The body has a member '{Shown.Text(member.Name)}'; expected exactly one of {string.Join(", ", Formats)} (and optionally params).");
            }
            else if (format is { } first)
            {
                throw Shape($"The body has both '{first.Name}' and '{member.Name}'; send exactly one of {string.Join(", ", Formats)}.");
            }
            else
            {
                format = member;
            }
        }

        if (format is not { } data)
        {
            throw Shape($"The body has none of {string.Join(", ", Formats)}; send the rows in exactly one of them.");
        }

        var batch = data.Name switch
        {
            "dataframe_split" => SplitReader.Read(data.Value, layout, maxRows),
            "inputs" when data.Value.ValueKind == JsonValueKind.Object => Columnar(data.Value, layout, maxRows),
            _ => Records(data.Value, data.Name, layout, maxRows),
        };
        return new ScoringRequest(Checked(batch).Table(), batch.Ids(), threshold ?? ModelScorer.Threshold);
    }

    private static JsonDocument Parse(ReadOnlyMemory<byte> body)
    {
        try
        {
            return JsonDocument.Parse(body, Options);
        }
        catch (JsonException e)
        {
            var at = $"line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}";
            throw new BadRequestException(Problems.InvalidJson, $"The body is not valid JSON at {at}: {FirstSentence(e.Message)}");
        }
    }

    /// <summary><c>[{"column": value, ...}, ...]</c>: dataframe_records, instances, or inputs as rows.</summary>
    private static BatchBuilder Records(JsonElement records, string name, InputLayout layout, int maxRows)
    {
        Expect(records, JsonValueKind.Array, name, "an array of rows, each an object of column: value");
        var batch = new BatchBuilder(layout, records.GetArrayLength(), maxRows);
        var row = 0;
        foreach (var record in records.EnumerateArray())
        {
            Expect(record, JsonValueKind.Object, $"{name}[{row}]", "an object of column: value", row);
            foreach (var member in record.EnumerateObject())
            {
                batch.Set(batch.Column(member.Name, name, row), row, member.Value, new(ValueLocation.Shape.Record, name, row, member.Name, 0));
            }

            row++;
        }

        return batch;
    }

    /// <summary><c>{"column": [values...], ...}</c>: inputs in the columnar (TensorFlow serving) form.</summary>
    private static BatchBuilder Columnar(JsonElement inputs, InputLayout layout, int maxRows)
    {
        var rows = -1;
        foreach (var member in inputs.EnumerateObject())
        {
            Expect(member.Value, JsonValueKind.Array, $"inputs.{member.Name}", "an array of values, one per row");
            var length = member.Value.GetArrayLength();
            if (rows >= 0 && length != rows)
            {
                throw new BadRequestException(Problems.InvalidFormat,
                    $"inputs.{member.Name} has {length} values, but the columns before it have {rows}; every column needs one value per row.", member.Name);
            }

            rows = length;
        }

        var batch = new BatchBuilder(layout, Math.Max(rows, 0), maxRows);
        foreach (var member in inputs.EnumerateObject())
        {
            var column = batch.Column(member.Name, "inputs");
            var row = 0;
            foreach (var value in member.Value.EnumerateArray())
            {
                batch.Set(column, row, value, new(ValueLocation.Shape.Columnar, "inputs", row, column.Name, 0));
                row++;
            }
        }

        return batch;
    }

    private static double Parameters(JsonElement parameters)
    {
        Expect(parameters, JsonValueKind.Object, "params", "an object of parameter: value");
        double? threshold = null;
        foreach (var parameter in parameters.EnumerateObject())
        {
            if (!parameter.NameEquals("threshold"))
            {
                throw new BadRequestException(Problems.InvalidParameter,
                    $"params.{Shown.Text(parameter.Name)} is not a parameter of this model; "
                    + "the only one is 'threshold' (a number between 0 and 1, default 0.5).", parameter.Name);
            }

            if (threshold is not null)
            {
                throw new BadRequestException(Problems.InvalidParameter, "params has 'threshold' twice; send it once.", "threshold");
            }

            threshold = parameter.Value.ValueKind == JsonValueKind.Number && parameter.Value.TryGetDouble(out var value) && value is >= 0 and <= 1
                ? value
                : throw new BadRequestException(Problems.InvalidParameter,
                    $"params.threshold is {Shown.Text(parameter.Value.GetRawText())}; expected a number between 0 and 1.", "threshold");
        }

        return threshold ?? ModelScorer.Threshold;
    }

    private static BatchBuilder Checked(BatchBuilder batch) =>
        batch.Rows > 0 ? batch : throw new BadRequestException(Problems.EmptyRequest, "The request holds no rows; send at least one.");

    internal static void Expect(JsonElement element, JsonValueKind kind, string where, string expected, int? row = null)
    {
        if (element.ValueKind != kind)
        {
            throw new BadRequestException(Problems.InvalidFormat, $"{where} is {Shown.Kind(element)}; expected {expected}.", row: row);
        }
    }

    internal static BadRequestException Shape(string detail) => new(Problems.InvalidFormat, detail);

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(" Path:", StringComparison.Ordinal) is var path and >= 0 ? path : message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (end >= 0 ? message[..end] : message).TrimEnd();
    }
}
