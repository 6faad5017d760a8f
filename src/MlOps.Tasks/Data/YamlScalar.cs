using System.Text.RegularExpressions;

namespace MlOps.Tasks.Data;

/// <summary>Writes a string as a YAML scalar, plain when that reads back as the same string.</summary>
internal static partial class YamlScalar
{
    public static string Plain(string value) =>
        SafePlain().IsMatch(value) && !Reserved().IsMatch(value) ? value : "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    // Letters, digits and the punctuation that cannot start or change a YAML token.
    [GeneratedRegex(@"^[A-Za-z0-9_./][A-Za-z0-9_./ \-()+]*(?<! )$")]
    private static partial Regex SafePlain();

    // Words and numbers a YAML reader would turn into something other than a string.
    [GeneratedRegex(@"^(?i:true|false|yes|no|on|off|y|n|null|~|[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?|0x[0-9a-f_]+|0o[0-7_]+|\.inf|\.nan)$")]
    private static partial Regex Reserved();
}
