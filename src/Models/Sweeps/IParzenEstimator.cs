namespace MlOps.Models.Sweeps;

/// <summary>A density over one dimension's values (a choice as its index), built from observed values and the prior.</summary>
internal interface IParzenEstimator
{
    /// <summary>A value drawn from the density.</summary>
    double Sample(Random random);

    /// <summary>The log density (log probability for grids and choices) of <paramref name="value"/>.</summary>
    double LogPdf(double value);
}
