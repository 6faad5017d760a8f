namespace MlOps.Models.Sweeps;

/// <summary>What a sweep asks of its caller: the score of one fold of a trial, and word of trials starting and ending.</summary>
public interface ITrialScorer
{
    /// <summary>Trial <paramref name="number"/> starts with <paramref name="parameters"/>.</summary>
    void Started(int number, IReadOnlyDictionary<string, string> parameters);

    /// <summary>The loss (lower is better) of trial <paramref name="number"/> on fold <paramref name="fold"/> (0-based).</summary>
    double Score(int number, IReadOnlyDictionary<string, string> parameters, int fold);

    /// <summary>The trial ended: finished, pruned, or failed with <paramref name="failure"/>.</summary>
    void Ended(SweepTrial trial, Exception? failure);
}
