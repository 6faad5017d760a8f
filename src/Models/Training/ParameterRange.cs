using System.Globalization;

namespace MlOps.Models.Training;

/// <summary>
/// The values a numeric hyper-parameter accepts: a lower and an upper bound, each included or not, as
/// ML.NET (and LightGBM underneath it) checks them, e.g. <c>feature_fraction</c> in (0, 1].
/// </summary>
/// <param name="Min">The lower bound (negative infinity: none).</param>
/// <param name="Max">The upper bound (positive infinity: none).</param>
/// <param name="MinIncluded">Whether <paramref name="Min"/> itself is allowed.</param>
/// <param name="MaxIncluded">Whether <paramref name="Max"/> itself is allowed.</param>
public sealed record ParameterRange(double Min, double Max, bool MinIncluded = true, bool MaxIncluded = true)
{
    /// <summary>Every value of the parameter's type (seeds, sizes where a negative value means "automatic").</summary>
    public static ParameterRange Any { get; } = new(double.NegativeInfinity, double.PositiveInfinity);

    /// <summary><paramref name="min"/> or more.</summary>
    public static ParameterRange AtLeast(double min) => new(min, double.PositiveInfinity);

    /// <summary>More than <paramref name="min"/>.</summary>
    public static ParameterRange Above(double min) => new(min, double.PositiveInfinity, MinIncluded: false);

    /// <summary>A fraction: more than 0 and at most 1, i.e. (0, 1].</summary>
    public static ParameterRange Fraction { get; } = new(0, 1, MinIncluded: false);

    /// <summary>A share that may be 0: [0, 1].</summary>
    public static ParameterRange Share { get; } = new(0, 1);

    /// <summary>Whether <paramref name="value"/> lies in the range.</summary>
    public bool Contains(double value) =>
        (MinIncluded ? value >= Min : value > Min) && (MaxIncluded ? value <= Max : value < Max);

    /// <summary>The range in words, e.g. "at least 0", "greater than 0 and at most 1", "between 2 and 131072".</summary>
    public override string ToString()
    {
        var lower = double.IsNegativeInfinity(Min) ? null : (MinIncluded ? "at least " : "greater than ") + Text(Min);
        var upper = double.IsPositiveInfinity(Max) ? null : (MaxIncluded ? "at most " : "less than ") + Text(Max);
        return (lower, upper) switch
        {
            (null, null) => "any number",
            (_, null) => lower,
            (null, _) => upper,
            _ when MinIncluded && MaxIncluded => $"between {Text(Min)} and {Text(Max)}",
            _ => $"{lower} and {upper}",
        };
    }

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
