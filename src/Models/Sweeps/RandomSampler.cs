namespace MlOps.Models.Sweeps;

/// <summary>
/// Draws every trial's parameters independently and uniformly (log-uniformly for Log dimensions, uniformly over the grid
/// for stepped ones), from a generator seeded by the seed and the trial's number; the history is not read.
/// </summary>
/// <param name="seed">The sweep's seed.</param>
public sealed class RandomSampler(int seed) : ISweepSampler
{
    /// <inheritdoc/>
    public IReadOnlyDictionary<string, string> Sample(SearchSpace space, IReadOnlyList<SweepTrial> history, int number)
    {
        ArgumentNullException.ThrowIfNull(space);
        space.Validate();
        var random = TrialRandom.For(seed, number);
        return space.Draw(d => TrialRandom.Uniform(d, random));
    }
}
