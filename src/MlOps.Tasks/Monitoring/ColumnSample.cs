using MlOps.Models.Tables;
using MlOps.Tasks.CsvFiles;
using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Monitoring;

/// <summary>
/// The values one column holds in a reference or current sample, missing values set aside as Evidently drops
/// them: numbers for numeric columns; for categorical and boolean columns the values as text (booleans as
/// <c>true</c>/<c>false</c>, however they were written).
/// </summary>
public sealed class ColumnSample
{
    private readonly List<double> numbers = [];
    private readonly List<string> values = [];
    private readonly Dictionary<string, string> interned = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> lookup;

    /// <summary>An empty sample of column <paramref name="name"/>.</summary>
    public ColumnSample(string name, ColumnType type)
    {
        (Name, Type) = (name, type);
        lookup = interned.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The column's name.</summary>
    public string Name { get; }

    /// <summary>The column's type in the schema: numeric, categorical or boolean.</summary>
    public ColumnType Type { get; }

    /// <summary>The present values of a numeric column.</summary>
    public IReadOnlyList<double> Numbers => numbers;

    /// <summary>The present values of a categorical or boolean column.</summary>
    public IReadOnlyList<string> Values => values;

    /// <summary>Rows seen, present or not.</summary>
    public long Rows { get; private set; }

    /// <summary>Rows without a value.</summary>
    public long Missing { get; private set; }

    /// <summary>Rows whose value does not fit the type (a word in a numeric column); set aside like missing ones.</summary>
    public long Invalid { get; private set; }

    /// <summary>Where the first invalid value stands (file:line, column), for the warning.</summary>
    public string? FirstInvalid { get; private set; }

    /// <summary>Rows with a usable value.</summary>
    public int Present => Type == ColumnType.Numeric ? numbers.Count : values.Count;

    /// <summary>The share of rows without a value (missing or invalid); 0 for no rows.</summary>
    public double MissingShare => Rows == 0 ? 0 : (double)(Missing + Invalid) / Rows;

    /// <summary>The numbers as an array, for the tests that sort or bin them.</summary>
    public double[] NumberArray() => [.. numbers];

    /// <summary>Adds a missing value.</summary>
    public void AddMissing() => (Rows, Missing) = (Rows + 1, Missing + 1);

    /// <summary>Adds a value written as text, found at <paramref name="file"/>:<paramref name="line"/> (for a warning).</summary>
    public void Add(ReadOnlySpan<char> text, string file, long line)
    {
        Rows++;
        switch (Type)
        {
            case ColumnType.Numeric when TableReader.Number(text) is { } number:
                numbers.Add(number);
                break;
            case ColumnType.Boolean when BooleanText.Parse(text) is { } flag:
                values.Add(flag ? "true" : "false");
                break;
            case ColumnType.Categorical:
                values.Add(Intern(text));
                break;
            default:
                Invalid++;
                FirstInvalid ??= string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{file}:{line}, column '{Name}'");
                break;
        }
    }

    /// <summary>Adds a number (JSON inputs); for a boolean column 1 and 0 are true and false.</summary>
    public void Add(double number, string file, long line)
    {
        if (Type == ColumnType.Numeric && double.IsFinite(number))
        {
            Rows++;
            numbers.Add(number);
        }
        else if (Type == ColumnType.Boolean && number is 0 or 1)
        {
            Rows++;
            values.Add(number == 1 ? "true" : "false");
        }
        else
        {
            Add(number.ToString("R", System.Globalization.CultureInfo.InvariantCulture), file, line);
        }
    }

    private string Intern(ReadOnlySpan<char> text)
    {
        if (lookup.TryGetValue(text, out var known))
        {
            return known;
        }

        var value = text.ToString();
        interned[value] = value;
        return value;
    }
}
