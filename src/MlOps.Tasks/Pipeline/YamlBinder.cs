using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace MlOps.Tasks.Pipeline;

/// <summary>
/// Binds a YAML node tree to the pipeline records by reflection: keys are the snake_case names of
/// the properties, C# <c>required</c> members are required, and every error names file:line:column.
/// </summary>
internal sealed class YamlBinder(string file)
{
    public T Bind<T>(YamlNode node, string path) => (T)Bind(typeof(T), node, path)!;

    private object? Bind(Type type, YamlNode node, string path)
    {
        if (node is YamlScalarNode scalar && IsNull(scalar))
        {
            return null;
        }

        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (typeof(PipelineSection).IsAssignableFrom(underlying))
        {
            return BindSection(underlying, Expect<YamlMappingNode>(node, path, "a mapping of keys to values"), path);
        }

        if (DictionaryValueType(underlying) is { } valueType)
        {
            return BindDictionary(valueType, Expect<YamlMappingNode>(node, path, "a mapping of names to values"), path);
        }

        if (ListItemType(underlying) is { } itemType)
        {
            return BindList(itemType, Expect<YamlSequenceNode>(node, path, "a list"), path);
        }

        return BindScalar(underlying, Expect<YamlScalarNode>(node, path, "a single value"), path);
    }

    private PipelineSection BindSection(Type type, YamlMappingNode mapping, string path)
    {
        var properties = BindableProperties(type);
        var section = (PipelineSection)Activator.CreateInstance(type)!;
        section.Location = LocationOf(mapping);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = KeyOf(keyNode);
            var keyPath = Join(path, key);
            if (!properties.TryGetValue(key, out var property))
            {
                throw new InvalidFileException(LocationOf(keyNode), UnknownKey(key, path, properties.Keys));
            }

            seen.Add(key);
            section.RecordKey(key, LocationOf(valueNode));
            var value = Bind(property.PropertyType, valueNode, keyPath);
            CheckPattern(property, value, valueNode, keyPath);
            if (DictionaryValueType(property.PropertyType) is not null && valueNode is YamlMappingNode entries)
            {
                // A map of free names (hyper-parameters): remember where each name stands, as "key.name".
                foreach (var entry in entries.Children)
                {
                    section.RecordKey($"{key}.{KeyOf(entry.Key)}", LocationOf(entry.Key));
                }
            }

            if (value is null && IsRequired(property))
            {
                throw new InvalidFileException(LocationOf(valueNode), $"'{keyPath}' needs a value.");
            }

            if (value is not null)
            {
                property.SetValue(section, value);
            }
        }

        var missing = properties.Where(p => IsRequired(p.Value) && !seen.Contains(p.Key)).Select(p => p.Key).ToList();
        if (missing.Count > 0)
        {
            var where = path.Length == 0 ? "The pipeline file" : $"'{path}'";
            var keys = string.Join(", ", missing.Select(k => $"'{k}'"));
            throw new InvalidFileException(LocationOf(mapping), $"{where} is missing the required key {keys}.");
        }

        return section;
    }

    // A name that becomes a folder or an image tag must keep to its pattern, all of it ('$' also matches before a final newline).
    private void CheckPattern(PropertyInfo property, object? value, YamlNode node, string path)
    {
        if (value is not string text || property.GetCustomAttribute<TextPatternAttribute>() is not { } rule)
        {
            return;
        }

        var match = Regex.Match(text, rule.Pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        if (!match.Success || match.Length != text.Length)
        {
            throw new InvalidFileException(LocationOf(node), $"'{path}' must be {rule.Rule} ({rule.Pattern}), not '{text}'.");
        }
    }

    private object BindDictionary(Type valueType, YamlMappingNode mapping, string path)
    {
        var dictionary = (System.Collections.IDictionary)Activator.CreateInstance(
            typeof(Dictionary<,>).MakeGenericType(typeof(string), valueType), StringComparer.Ordinal)!;
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = KeyOf(keyNode);
            var value = Bind(valueType, valueNode, Join(path, key))
                ?? throw new InvalidFileException(LocationOf(valueNode), $"'{Join(path, key)}' needs a value.");
            dictionary[key] = value;
        }

        return dictionary;
    }

    private object BindList(Type itemType, YamlSequenceNode sequence, string path)
    {
        var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(itemType))!;
        var index = 0;
        var nullable = Nullable.GetUnderlyingType(itemType) is not null;
        foreach (var item in sequence.Children)
        {
            var itemPath = $"{path}[{index++}]";
            var value = Bind(itemType, item, itemPath);
            list.Add(value is not null || nullable ? value : throw new InvalidFileException(LocationOf(item), $"'{itemPath}' needs a value."));
        }

        return list;
    }

    private object BindScalar(Type type, YamlScalarNode scalar, string path)
    {
        var text = scalar.Value ?? "";
        object? value = type switch
        {
            _ when type == typeof(string) => text,
            _ when type == typeof(bool) => text switch { "true" => true, "false" => false, _ => null },
            _ when type == typeof(int) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : null,
            _ when type == typeof(long) => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : null,
            _ when type == typeof(double) => ParseDouble(text),
            _ when type.IsEnum => ParseEnum(type, text),
            _ => throw new InvalidOperationException($"The pipeline model uses {type.Name}, which the loader cannot bind."),
        };
        return value ?? throw new InvalidFileException(LocationOf(scalar), $"'{path}' must be {Expected(type)}, not '{text}'.");
    }

    private static double? ParseDouble(string text) => text switch
    {
        ".inf" or "+.inf" => double.PositiveInfinity,
        "-.inf" => double.NegativeInfinity,
        _ => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null,
    };

    private static object? ParseEnum(Type type, string text) =>
        Enum.GetNames(type).FirstOrDefault(n => SnakeCase(n) == text) is { } name ? Enum.Parse(type, name) : null;

    private static string Expected(Type type) => type switch
    {
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(int) || type == typeof(long) => "a whole number",
        _ when type == typeof(double) => "a number",
        _ when type.IsEnum => "one of " + string.Join(", ", Enum.GetNames(type).Select(SnakeCase)),
        _ => "text",
    };

    private TNode Expect<TNode>(YamlNode node, string path, string expected)
        where TNode : YamlNode
    {
        if (node is TNode typed)
        {
            return typed;
        }

        var found = node switch
        {
            YamlMappingNode => "a mapping",
            YamlSequenceNode => "a list",
            YamlScalarNode s => $"the value '{s.Value}'",
            _ => "an alias",
        };
        var where = path.Length == 0 ? "The pipeline file" : $"'{path}'";
        throw new InvalidFileException(LocationOf(node), $"{where} must be {expected}, but is {found}.");
    }

    private static string UnknownKey(string key, string path, IEnumerable<string> known)
    {
        var where = path.Length == 0 ? "at the top level" : $"in '{path}'";
        var candidates = known.Order(StringComparer.Ordinal).ToList();
        var suggestion = Spelling.Closest(key, candidates);
        var hint = suggestion is null ? "" : $" Did you mean '{suggestion}'?";
        return $"Unknown key '{key}' {where}.{hint} Expected one of: {string.Join(", ", candidates)}.";
    }

    internal static Dictionary<string, PropertyInfo> BindableProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.DeclaringType != typeof(PipelineSection) && p.SetMethod is { IsPublic: true })
            .ToDictionary(p => SnakeCase(p.Name), StringComparer.Ordinal);

    private static bool IsRequired(PropertyInfo property) => property.IsDefined(typeof(RequiredMemberAttribute));

    private static Type? DictionaryValueType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() is var d
            && (d == typeof(IReadOnlyDictionary<,>) || d == typeof(Dictionary<,>))
            && type.GetGenericArguments()[0] == typeof(string)
            ? type.GetGenericArguments()[1]
            : null;

    private static Type? ListItemType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() is var d
            && (d == typeof(IReadOnlyList<>) || d == typeof(List<>))
            ? type.GetGenericArguments()[0]
            : null;

    private static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && scalar.Value is null or "" or "~" or "null";

    private string KeyOf(YamlNode key) =>
        key is YamlScalarNode { Value: { } name } && name != "<<"
            ? name
            : throw new InvalidFileException(LocationOf(key), key is YamlScalarNode
                ? "Merge keys (<<) are not supported; repeat the keys instead."
                : "Keys must be plain names, not lists or mappings.");

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    private SourceLocation LocationOf(YamlNode node) => new(file, node.Start.Line, node.Start.Column);

    /// <summary>PascalCase to snake_case: <c>HyperParameters</c> → <c>hyper_parameters</c>.</summary>
    internal static string SnakeCase(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
