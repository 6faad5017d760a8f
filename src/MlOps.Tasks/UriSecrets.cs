using System.Text.RegularExpressions;

namespace MlOps.Tasks;

/// <summary>Hides the passwords a URI may hold before it is shown: in messages, logs and the text of records.</summary>
public static partial class UriSecrets
{
    /// <summary>
    /// <paramref name="text"/> with the password of <c>scheme://user:password@host</c> replaced by <c>***</c> (everything between the user's
    /// <c>:</c> and the last <c>@</c> before the query, so a password holding <c>/</c> or <c>@</c> is hidden whole), and every
    /// <c>password=</c> parameter's value too.
    /// </summary>
    public static string Mask(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            var start = scheme + 3;
            var query = text.IndexOf('?', start);
            var end = query < 0 ? text.Length : query;
            var at = end > start ? text.LastIndexOf('@', end - 1, end - start) : -1;
            var colon = at < 0 ? -1 : text.IndexOf(':', start, at - start);
            if (colon >= 0)
            {
                text = string.Concat(text.AsSpan(0, colon + 1), "***", text.AsSpan(at));
            }
        }

        return PasswordParameter().Replace(text, "$1***");
    }

    [GeneratedRegex(@"(\bpassword=)[^&\s]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PasswordParameter();
}
