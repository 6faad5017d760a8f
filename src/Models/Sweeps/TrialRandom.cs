namespace MlOps.Models.Sweeps;

/// <summary>
/// The random numbers of one trial. <see cref="For"/> seeds <see cref="Random"/> with unchecked(seed · 1 000 003 + number):
/// plain arithmetic, not <see cref="HashCode"/> (randomised per process); a seeded <see cref="Random"/> gives the same
/// sequence on every machine.
/// </summary>
internal static class TrialRandom
{
    /// <summary>The generator of trial <paramref name="number"/> under <paramref name="seed"/>.</summary>
    public static Random For(int seed, int number) => new(unchecked((seed * 1_000_003) + number));

    /// <summary>
    /// A value of <paramref name="dimension"/> drawn uniformly (a choice as its index): on the grid for stepped dimensions,
    /// uniform in log space for Log ones (a stepped Log range widened by half a step each side, then rounded to the grid).
    /// </summary>
    public static double Uniform(SearchDimension dimension, Random random)
    {
        if (dimension.Kind == DimensionKind.Choice)
        {
            return random.Next(dimension.Choices.Count);
        }

        if (dimension.Log)
        {
            var (low, high) = LogBounds(dimension);
            return dimension.Snap(Math.Exp(low + (random.NextDouble() * (high - low))));
        }

        if (dimension.IsStepped)
        {
            return dimension.GridValue(random.NextInt64(dimension.GridSize));
        }

        return dimension.Snap(dimension.Low + (random.NextDouble() * (dimension.High - dimension.Low)));
    }

    /// <summary>
    /// The log-space range of a Log dimension: [ln Low, ln High], widened by half a step each side when stepped (as Optuna's
    /// log-scaled Int), except where that would reach 0.
    /// </summary>
    public static (double Low, double High) LogBounds(SearchDimension dimension)
    {
        var half = dimension.Spacing / 2;
        var low = dimension.Low - half > 0 ? dimension.Low - half : dimension.Low;
        return (Math.Log(low), Math.Log(dimension.High + half));
    }
}
