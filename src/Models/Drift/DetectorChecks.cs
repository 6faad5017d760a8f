using System.Globalization;

namespace MlOps.Models.Drift;

/// <summary>The range checks the drift detectors make on their settings and on the values they read.</summary>
internal static class DetectorChecks
{
    /// <summary>Throws unless <paramref name="value"/> is finite: river would read NaN and never detect again.</summary>
    public static void RequireFinite(double value, string parameter)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(parameter, Format(
                $"A drift detector reads finite numbers, not {value}; drop missing values before updating it."));
        }
    }

    /// <summary>Throws unless <paramref name="value"/> is at least <paramref name="least"/>.</summary>
    public static void RequireAtLeast(long value, long least, string setting, string parameter)
    {
        if (value < least)
        {
            throw new ArgumentOutOfRangeException(parameter, Format($"{setting} must be at least {least}, not {value}."));
        }
    }

    /// <summary>Throws unless <paramref name="value"/> is finite and above 0.</summary>
    public static void RequirePositive(double value, string setting, string parameter)
    {
        if (!(double.IsFinite(value) && value > 0))
        {
            throw new ArgumentOutOfRangeException(parameter, Format($"{setting} must be a finite number above 0, not {value}."));
        }
    }

    /// <summary>Throws unless <paramref name="value"/> is finite and at least 0.</summary>
    public static void RequireNonNegative(double value, string setting, string parameter)
    {
        if (!(double.IsFinite(value) && value >= 0))
        {
            throw new ArgumentOutOfRangeException(parameter, Format($"{setting} must be a finite number of at least 0, not {value}."));
        }
    }

    /// <summary>Throws unless 0 &lt; <paramref name="value"/> &lt; 1, or ≤ 1 when <paramref name="oneAllowed"/>.</summary>
    public static void RequireFraction(double value, bool oneAllowed, string setting, string parameter)
    {
        if (!(value > 0 && (value < 1 || (oneAllowed && value == 1))))
        {
            var upper = oneAllowed ? "at most 1" : "below 1";
            throw new ArgumentOutOfRangeException(parameter, Format($"{setting} must be above 0 and {upper}, not {value}."));
        }
    }

    private static string Format(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
}
