namespace MlOps.Models.Sweeps;

/// <summary>Chooses the parameters of a sweep's trials.</summary>
public interface ISweepSampler
{
    /// <summary>
    /// The parameters of trial <paramref name="number"/> (0-based), given the trials that ended before it was asked for
    /// (in any order). Deterministic: the same seed, number and history give the same result on any machine.
    /// </summary>
    /// <param name="space">The dimensions searched.</param>
    /// <param name="history">The trials that ended before this one was asked for.</param>
    /// <param name="number">The trial's number, 0-based.</param>
    /// <returns>Dimension name to text value, for the dimensions that apply to the trial.</returns>
    IReadOnlyDictionary<string, string> Sample(SearchSpace space, IReadOnlyList<SweepTrial> history, int number);
}
