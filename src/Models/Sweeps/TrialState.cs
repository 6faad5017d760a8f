namespace MlOps.Models.Sweeps;

/// <summary>Where a <see cref="SweepTrial"/> is in its life.</summary>
public enum TrialState
{
    /// <summary>Asked for and not ended; samplers and the pruner ignore it.</summary>
    Running,

    /// <summary>Ended with a loss.</summary>
    Finished,

    /// <summary>Stopped early by the pruner; its intermediate losses are known, its loss is not.</summary>
    Pruned,

    /// <summary>Ended with an error; samplers and the pruner ignore it.</summary>
    Failed,
}
