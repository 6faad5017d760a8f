using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MlOps.Models.Schema;
using MlOps.Models.Tables;

namespace MlOps.Models.Training;

/// <summary>
/// A row's stable key: the first 64 bits (big-endian) of the SHA-256 of its id, else of its content, in UTF-8.
/// The same row has the same key on every machine, in every order and whatever else the table holds, which is
/// what lets <see cref="DataSplit.HeldOut"/> hold out the same rows for every version of a model.
/// </summary>
public static class RowKey
{
    /// <summary>Separates the fields of a row's content before it is hashed (the ASCII unit separator).</summary>
    public const char FieldSeparator = '\u001f';

    /// <summary>The key of a row whose id (or content, fields joined by <see cref="FieldSeparator"/>) is <paramref name="text"/>.</summary>
    public static ulong Of(ReadOnlySpan<char> text)
    {
        var length = Encoding.UTF8.GetMaxByteCount(text.Length);
        var rented = length > 1024 ? ArrayPool<byte>.Shared.Rent(length) : null;
        try
        {
            Span<byte> bytes = rented is null ? stackalloc byte[length] : rented;
            var written = Encoding.UTF8.GetBytes(text, bytes);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(bytes[..written], hash);
            return BinaryPrimitives.ReadUInt64BigEndian(hash);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// The keys of an in-memory table's rows: the schema's id column when the table holds it, else each row's
    /// cells in table order (numbers in invariant round-trip form, flags as 1 or 0).
    /// </summary>
    public static IReadOnlyList<ulong> Of(TableData table, ModelSchema schema)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(schema);
        var id = schema.Columns.FirstOrDefault(c => c.Kind == ColumnKind.Id && table.Columns.Any(t => t.Name == c.Name));
        var columns = id is null ? table.Columns : [table[id.Name]];
        var keys = new ulong[table.RowCount];
        var text = new StringBuilder();
        for (var row = 0; row < keys.Length; row++)
        {
            text.Clear();
            foreach (var column in columns)
            {
                if (!ReferenceEquals(column, columns[0]))
                {
                    text.Append(FieldSeparator);
                }

                text.Append(Cell(column, row));
            }

            keys[row] = Of(text.ToString());
        }

        return keys;
    }

    private static string Cell(TableColumn column, int row) => column switch
    {
        TextColumn t => t.Values[row],
        NumberColumn n => float.IsNaN(n.Values[row]) ? "" : n.Values[row].ToString("R", CultureInfo.InvariantCulture),
        FlagColumn f => f.Values[row] ? "1" : "0",
        _ => "",
    };
}
