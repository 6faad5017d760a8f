using System.Globalization;
using System.Text;

namespace MlOps.Tasks.Data;

/// <summary>String literals as Python's <c>json.dumps</c> writes them with its default <c>ensure_ascii=True</c>.</summary>
internal static class PythonJson
{
    public static string Quote(string value)
    {
        var quoted = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\b' => "\\b",
                '\f' => "\\f",
                // Python escapes everything outside printable ASCII, each UTF-16 unit on its own.
                < ' ' or > '~' => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }
}
