using System.Text;
using System.Text.Json;
using MlOps.Models.Tables;

namespace MlOps.Serving.Requests;

/// <summary>
/// The fast way through the common request, <c>{"dataframe_records": [{"column": value, ...}, ...]}</c>
/// (or <c>instances</c>, or <c>inputs</c> as rows): read token by token from the UTF-8 body straight
/// into a pooled table, with no document, no JSON elements and no strings for known categories.
/// It reads only requests that are valid and plain; anything else (an error of any kind, escaped
/// names, <c>params</c>, another shape) it leaves to <see cref="JsonRequestReader"/>'s full reading,
/// which words the answer, so a rejected request is answered exactly as before.
/// </summary>
internal static class RecordsReader
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 16 };

    [ThreadStatic]
    private static RecordScratch? scratch;

    /// <summary>The request, or null when it is not one this reader takes (then the full reading answers it).</summary>
    public static ScoringRequest? TryRead(ReadOnlySpan<byte> body, InputLayout layout, int maxRows)
    {
        if (layout.Columns.Count > RecordScratch.MaxColumns)
        {
            return null;
        }

        var rows = scratch ??= new RecordScratch();
        rows.Start(layout);
        try
        {
            var reader = new Utf8JsonReader(body, Options);
            return Records(ref reader, layout, rows, maxRows) ? rows.Request() : null;
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            // A string that is no text (a lone surrogate escape): the full reading says so.
            return null;
        }
        finally
        {
            if (rows.Large)
            {
                scratch = null;
            }
        }
    }

    private static bool Records(ref Utf8JsonReader reader, InputLayout layout, RecordScratch rows, int maxRows)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject || !reader.Read()
            || reader.TokenType != JsonTokenType.PropertyName || reader.ValueIsEscaped
            || !(reader.ValueTextEquals("dataframe_records"u8) || reader.ValueTextEquals("instances"u8) || reader.ValueTextEquals("inputs"u8))
            || !reader.Read() || reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            if (rows.Rows == maxRows || !Record(ref reader, layout, rows))
            {
                return false;
            }
        }

        // The array's end, the body's end, and nothing after it.
        return reader.TokenType == JsonTokenType.EndArray && reader.Read() && reader.TokenType == JsonTokenType.EndObject && !reader.Read() && rows.Rows > 0;
    }

    private static bool Record(ref Utf8JsonReader reader, InputLayout layout, RecordScratch rows)
    {
        var row = rows.AddRow();
        Span<char> name = stackalloc char[64];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueIsEscaped || reader.ValueSpan.Length > name.Length
                || layout.Find(name[..Encoding.UTF8.GetChars(reader.ValueSpan, name)]) is not { } column
                || !rows.Give(column) || !reader.Read() || !Value(ref reader, column, rows, row))
            {
                return false;
            }
        }

        return reader.TokenType == JsonTokenType.EndObject && rows.EveryRequiredGiven();
    }

    private static bool Value(ref Utf8JsonReader reader, InputColumn column, RecordScratch rows, int row)
    {
        var token = reader.TokenType;
        if (token == JsonTokenType.Null)
        {
            return true;
        }

        if (column.Kind == Models.Schema.ColumnKind.Numeric)
        {
            // As JsonElement.TryGetDouble and BatchBuilder read it, so the same float.
            return token == JsonTokenType.Number && reader.TryGetDouble(out var number) && double.IsFinite(number) && Math.Abs(number) <= float.MaxValue
                && rows.Set(column, row, (float)number);
        }

        if (column.IsNumber)
        {
            return Flag(ref reader) is { } flag && rows.Set(column, row, flag ? 1 : 0);
        }

        return token switch
        {
            JsonTokenType.String => rows.Set(column, row, rows.Text(column, ref reader)),
            JsonTokenType.Number => rows.Set(column, row, Encoding.UTF8.GetString(reader.ValueSpan)),
            JsonTokenType.True => rows.Set(column, row, "true"),
            JsonTokenType.False => rows.Set(column, row, "false"),
            _ => false,
        };
    }

    /// <summary>A boolean column's value: true/false, 1/0, or a string <see cref="BooleanText"/> reads.</summary>
    private static bool? Flag(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.Number:
                return reader.ValueSpan.SequenceEqual("1"u8) ? true : reader.ValueSpan.SequenceEqual("0"u8) ? false : null;
            case JsonTokenType.String when !reader.ValueIsEscaped && reader.ValueSpan.Length <= 8:
                Span<char> text = stackalloc char[8];
                return BooleanText.Parse(text[..Encoding.UTF8.GetChars(reader.ValueSpan, text)]);
            case JsonTokenType.String:
                return BooleanText.Parse(reader.GetString());
            default:
                return null;
        }
    }
}
