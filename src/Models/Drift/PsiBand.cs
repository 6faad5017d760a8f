namespace MlOps.Models.Drift;

/// <summary>How far a population stability index says the population moved, by the credit-scoring rule of thumb.</summary>
public enum PsiBand
{
    /// <summary>PSI below 0.1: no significant change.</summary>
    Stable,

    /// <summary>PSI from 0.1 to 0.25: a moderate change worth a look.</summary>
    Moderate,

    /// <summary>PSI above 0.25: a major shift.</summary>
    Major,
}
