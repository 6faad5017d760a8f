using System.Globalization;

namespace MlOps.Models.Drift;

/// <summary>
/// Makes a concept-drift detector from the names river gives it and its settings, as a pipeline file names them:
/// <c>page_hinkley</c> (min_instances, delta, threshold, alpha; and a mode), <c>ddm</c> (warm_start,
/// warning_threshold, drift_threshold) and <c>adwin</c> (delta, clock, max_buckets, min_window_length,
/// grace_period). A setting left out takes river's default.
/// </summary>
public static class ConceptDriftDetector
{
    private static readonly Dictionary<string, string[]> SettingsByDetector = new(StringComparer.Ordinal)
    {
        ["page_hinkley"] = ["min_instances", "delta", "threshold", "alpha"],
        ["ddm"] = ["warm_start", "warning_threshold", "drift_threshold"],
        ["adwin"] = ["delta", "clock", "max_buckets", "min_window_length", "grace_period"],
    };

    /// <summary>The detectors by river's name for them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["page_hinkley", "ddm", "adwin"];

    /// <summary>Makes the detector <paramref name="name"/> with <paramref name="settings"/>.</summary>
    /// <param name="name"><c>page_hinkley</c>, <c>ddm</c> or <c>adwin</c>.</param>
    /// <param name="settings">Settings by river's parameter name; whole numbers for min_instances, warm_start, clock,
    /// max_buckets, min_window_length and grace_period.</param>
    /// <param name="mode">Page-Hinkley's <c>up</c>, <c>down</c> or <c>both</c> (the default); no other detector takes one.</param>
    /// <exception cref="ArgumentException">
    /// The name, a setting's name or the mode is unknown, or a value is out of its range
    /// (<see cref="ArgumentOutOfRangeException"/>); the message says which and what is accepted.
    /// </exception>
    public static IDriftDetector Create(string name, IReadOnlyDictionary<string, double>? settings = null, string? mode = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!SettingsByDetector.TryGetValue(name, out var known))
        {
            throw new ArgumentException($"Unknown drift detector '{name}'; detectors: {string.Join(", ", Names)}.", nameof(name));
        }

        settings ??= new Dictionary<string, double>();
        var unknown = settings.Keys.FirstOrDefault(setting => !known.Contains(setting));
        if (unknown is not null)
        {
            throw new ArgumentException(
                $"Drift detector '{name}' has no setting '{unknown}'; its settings: {string.Join(", ", known)}.", nameof(settings));
        }

        if (mode is not null && name != "page_hinkley")
        {
            throw new ArgumentException($"Only page_hinkley takes a mode; '{name}' has none.", nameof(mode));
        }

        return name switch
        {
            "page_hinkley" => PageHinkleyFrom(settings, mode),
            "ddm" => DdmFrom(settings),
            _ => AdwinFrom(settings),
        };
    }

    private static PageHinkley PageHinkleyFrom(IReadOnlyDictionary<string, double> settings, string? mode)
    {
        var defaults = new PageHinkley();
        return new PageHinkley(
            Whole(settings, "min_instances", defaults.MinInstances),
            settings.GetValueOrDefault("delta", defaults.Delta),
            settings.GetValueOrDefault("threshold", defaults.Threshold),
            settings.GetValueOrDefault("alpha", defaults.Alpha),
            mode switch
            {
                null or "both" => PageHinkleyMode.Both,
                "up" => PageHinkleyMode.Up,
                "down" => PageHinkleyMode.Down,
                _ => throw new ArgumentException($"Page-Hinkley's mode must be 'up', 'down' or 'both', not '{mode}'.", nameof(mode)),
            });
    }

    private static DriftDetectionMethod DdmFrom(IReadOnlyDictionary<string, double> settings)
    {
        var defaults = new DriftDetectionMethod();
        return new DriftDetectionMethod(
            Whole(settings, "warm_start", defaults.WarmStart),
            settings.GetValueOrDefault("warning_threshold", defaults.WarningThreshold),
            settings.GetValueOrDefault("drift_threshold", defaults.DriftThreshold));
    }

    private static Adwin AdwinFrom(IReadOnlyDictionary<string, double> settings)
    {
        var defaults = new Adwin();
        return new Adwin(
            settings.GetValueOrDefault("delta", defaults.Delta),
            Whole(settings, "clock", defaults.Clock),
            Whole(settings, "max_buckets", defaults.MaxBuckets),
            Whole(settings, "min_window_length", defaults.MinWindowLength),
            Whole(settings, "grace_period", defaults.GracePeriod));
    }

    private static int Whole(IReadOnlyDictionary<string, double> settings, string setting, int fallback)
    {
        if (!settings.TryGetValue(setting, out var value))
        {
            return fallback;
        }

        if (value != Math.Floor(value) || value is < int.MinValue or > int.MaxValue)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Setting '{setting}' must be a whole number, not {value}."), nameof(settings));
        }

        return (int)value;
    }
}
