using System.Globalization;
using System.Reflection;

namespace MlOps.Models.Training;

/// <summary>
/// One hyper-parameter of a trainer: an ML.NET option field under its name in snake_case
/// (<c>NumberOfLeaves</c> is <c>number_of_leaves</c>), so ML.NET's documentation applies as written.
/// </summary>
public sealed class TrainerParameter
{
    private readonly FieldInfo option;
    private readonly Type type;

    internal TrainerParameter(FieldInfo field, object? defaultValue, ParameterRange? range)
    {
        option = field;
        type = Nullable.GetUnderlyingType(field.FieldType) ?? field.FieldType;
        Name = SnakeCase(field.Name);
        Default = defaultValue is null ? null : Format(defaultValue);
        Range = range;
    }

    /// <summary>The name in the pipeline file.</summary>
    public string Name { get; }

    /// <summary>ML.NET's default as text, or null when ML.NET chooses one from the data.</summary>
    public string? Default { get; }

    /// <summary>The values a number may take for this trainer (ML.NET's checks); null for switches and choices.</summary>
    public ParameterRange? Range { get; }

    /// <summary>Whether the parameter takes a number, as opposed to a switch or a choice.</summary>
    public bool IsNumber => type != typeof(bool) && !type.IsEnum;

    /// <summary>Whether the parameter takes whole numbers only.</summary>
    public bool IsWhole => type == typeof(int) || type == typeof(long);

    /// <summary>Whether a value <see cref="TryParse"/> gave lies in <see cref="Range"/>.</summary>
    public bool InRange(object value) =>
        Range is null || value is bool || value is Enum || Range.Contains(Convert.ToDouble(value, CultureInfo.InvariantCulture));

    /// <summary>What a value must look like, for messages: "a whole number", "one of: a, b".</summary>
    public string Expected => type switch
    {
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(int) || type == typeof(long) => "a whole number",
        _ when type.IsEnum => $"one of: {string.Join(", ", Enum.GetNames(type).Select(SnakeCase))}",
        _ => "a number",
    };

    /// <summary>Reads <paramref name="text"/> as a value of this parameter; false when it is not one.</summary>
    public bool TryParse(string text, out object? value)
    {
        ArgumentNullException.ThrowIfNull(text);
        var invariant = CultureInfo.InvariantCulture;
        value = null;
        if (type == typeof(bool) && bool.TryParse(text, out var flag)) { value = flag; }
        else if (type == typeof(int) && int.TryParse(text, NumberStyles.AllowLeadingSign, invariant, out var whole)) { value = whole; }
        else if (type == typeof(long) && long.TryParse(text, NumberStyles.AllowLeadingSign, invariant, out var longWhole)) { value = longWhole; }
        else if (type == typeof(double) && double.TryParse(text, NumberStyles.Float, invariant, out var number) && double.IsFinite(number)) { value = number; }
        else if (type == typeof(float) && float.TryParse(text, NumberStyles.Float, invariant, out var single) && float.IsFinite(single)) { value = single; }
        else if (type.IsEnum)
        {
            value = Enum.GetNames(type).FirstOrDefault(n => SnakeCase(n) == text || n == text) is { } name ? Enum.Parse(type, name) : null;
        }

        return value is not null;
    }

    internal void Apply(object options, object value) => option.SetValue(options, value);

    internal static bool IsSupported(Type fieldType)
    {
        var type = Nullable.GetUnderlyingType(fieldType) ?? fieldType;
        return type == typeof(bool) || type == typeof(int) || type == typeof(long)
            || type == typeof(double) || type == typeof(float) || type.IsEnum;
    }

    internal static string SnakeCase(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static string Format(object value) => value switch
    {
        bool b => b ? "true" : "false",
        Enum e => SnakeCase(e.ToString()),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
