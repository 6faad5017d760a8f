using System.Globalization;

namespace MlOps.Models.Sweeps;

/// <summary>
/// One searched parameter. Float and Int: <see cref="Low"/> ≤ <see cref="High"/>, optionally <see cref="Log"/> (log-uniform,
/// needs Low &gt; 0) and <see cref="Step"/> (values Low, Low + Step, ... ≤ High; Int's default is 1).
/// Choice: <see cref="Choices"/>, non-empty text values.
/// </summary>
/// <param name="Name">Unique in the space, e.g. "trainer" or "lightgbm.learning_rate".</param>
/// <param name="Kind">What the dimension searches over.</param>
public sealed record SearchDimension(string Name, DimensionKind Kind)
{
    /// <summary>The smallest value of a Float or Int dimension.</summary>
    public double Low { get; init; }

    /// <summary>The largest value of a Float or Int dimension.</summary>
    public double High { get; init; }

    /// <summary>Whether values are drawn uniformly in log space; needs <see cref="Low"/> &gt; 0.</summary>
    public bool Log { get; init; }

    /// <summary>The grid's spacing from <see cref="Low"/>; null is continuous for Float and 1 for Int.</summary>
    public double? Step { get; init; }

    /// <summary>The values of a Choice dimension.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>When set, the dimension applies only to trials whose "trainer" value equals it; null applies always.</summary>
    public string? Trainer { get; init; }

    /// <summary>
    /// The text of a value: Int as a whole number ("12"), Float round-trip in the invariant culture ("0.05"),
    /// Choice the choice at index <paramref name="value"/>.
    /// </summary>
    public string Format(double value) => Kind switch
    {
        DimensionKind.Int => ((long)Math.Round(value)).ToString(CultureInfo.InvariantCulture),
        DimensionKind.Choice => Choices[(int)value],
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    /// <summary>Whether values lie on a grid (every Int, a Float with a step).</summary>
    internal bool IsStepped => Kind == DimensionKind.Int || Step is not null;

    /// <summary>The grid's spacing; 0 when continuous.</summary>
    internal double Spacing => Step ?? (Kind == DimensionKind.Int ? 1 : 0);

    /// <summary>The number of grid points (or choices).</summary>
    internal long GridSize => Kind == DimensionKind.Choice ? Choices.Count : (long)Math.Floor((High - Low) / Spacing + 1e-9) + 1;

    /// <summary>
    /// Grid point <paramref name="k"/>: Low + k·Step, added in decimal for a Float so that 0.1 + 2·0.1 is 0.3, not 0.30000000000000004.
    /// </summary>
    internal double GridValue(long k)
    {
        if (Kind == DimensionKind.Choice)
        {
            return k;
        }

        var value = Low + k * Spacing;
        // Decimal holds 28 places: too few for values far from 1, where double's sum is kept.
        if (Kind == DimensionKind.Float && Math.Abs(value) < 1e20 && Spacing >= 1e-12 && (Low == 0 || Math.Abs(Low) >= 1e-12))
        {
            value = (double)((decimal)Low + k * (decimal)Spacing);
        }

        return Math.Min(value, High);
    }

    /// <summary>The value nearest <paramref name="value"/> in the dimension's range and on its grid.</summary>
    internal double Snap(double value)
    {
        if (!IsStepped)
        {
            return Math.Clamp(value, Low, High);
        }

        var k = Math.Round((value - Low) / Spacing);
        return GridValue((long)Math.Clamp(k, 0, GridSize - 1));
    }

    /// <summary>The value of a text as the samplers use it (a choice as its index); false when it is not one of the dimension's.</summary>
    internal bool TryParse(string text, out double value)
    {
        if (Kind == DimensionKind.Choice)
        {
            value = IndexOf(text);
            return value >= 0;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && value >= Low && value <= High;
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the dimension when its settings contradict each other.</summary>
    internal void Validate()
    {
        string? problem = Kind switch
        {
            DimensionKind.Choice when Choices.Count == 0 => "is a Choice without choices",
            DimensionKind.Choice => null,
            _ when !(Low <= High) => $"has Low {Low} above High {High}",
            _ when Log && Low <= 0 => $"is Log with Low {Low}; a log range needs Low > 0",
            _ when Step is double s && !(s > 0) => $"has Step {s}; a step must be positive",
            DimensionKind.Int when Low != Math.Floor(Low) || Spacing != Math.Floor(Spacing) => "is an Int with a fractional Low or Step",
            _ => null,
        };
        if (problem is not null)
        {
            throw new ArgumentException($"Sweep dimension '{Name}' {problem}.", nameof(SearchSpace));
        }
    }

    private int IndexOf(string text)
    {
        for (var i = 0; i < Choices.Count; i++)
        {
            if (string.Equals(Choices[i], text, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
