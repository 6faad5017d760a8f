namespace MlOps.Tasks.Fairness;

/// <summary>Whether a limit bounds its metric from above or from below.</summary>
public enum LimitKind
{
    /// <summary>The value must not exceed the limit.</summary>
    Maximum,

    /// <summary>The value must not fall below the limit.</summary>
    Minimum,
}
