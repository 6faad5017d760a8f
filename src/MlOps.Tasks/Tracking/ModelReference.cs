using System.Globalization;
using System.Text.RegularExpressions;

namespace MlOps.Tasks.Tracking;

/// <summary>How a version of a registered model is named: <c>v2</c> or <c>2</c>, <c>latest</c>, or an alias such as <c>production</c>.</summary>
internal static partial class ModelReference
{
    /// <summary>The highest version, as in MLflow's <c>models:/name/latest</c>.</summary>
    public const string Latest = "latest";

    /// <summary>The version number <paramref name="reference"/> names (<c>v2</c> or <c>2</c>), if it names one.</summary>
    public static bool TryParseVersion(string reference, out int version)
    {
        var digits = reference.StartsWith('v') || reference.StartsWith('V') ? reference[1..] : reference;
        version = 0;
        return digits.Length > 0 && digits.All(char.IsAsciiDigit) && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out version);
    }

    /// <summary>Refuses alias names that could be mistaken for a version reference, as MLflow does.</summary>
    /// <exception cref="UsageException">The alias is not usable.</exception>
    public static void CheckAlias(string alias)
    {
        ArgumentNullException.ThrowIfNull(alias);
        if (!AliasPattern().IsMatch(alias) || TryParseVersion(alias, out _) || string.Equals(alias, Latest, StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException(
                $"'{alias}' cannot be an alias: use letters, digits, '-' and '_' (at most 255), and not 'latest' or a version such as 'v2'.");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,255}$")]
    private static partial Regex AliasPattern();
}
