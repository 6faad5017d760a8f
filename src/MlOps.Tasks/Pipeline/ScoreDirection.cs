namespace MlOps.Tasks.Pipeline;

/// <summary>Which way a directional test expects the score (the probability of the positive class) to move.</summary>
public enum ScoreDirection
{
    /// <summary>The score must not fall.</summary>
    Increase,

    /// <summary>The score must not rise.</summary>
    Decrease,
}
