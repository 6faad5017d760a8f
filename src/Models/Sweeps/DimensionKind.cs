namespace MlOps.Models.Sweeps;

/// <summary>What a <see cref="SearchDimension"/> searches over.</summary>
#pragma warning disable CA1720 // The names are the sweep file's words for the kinds, which other code already calls.
public enum DimensionKind
{
    /// <summary>A real number in [Low, High], optionally on a step grid or log-uniform.</summary>
    Float,

    /// <summary>A whole number in [Low, High] on a step grid (step 1 unless given).</summary>
    Int,

    /// <summary>One of a list of text values.</summary>
    Choice,
}
#pragma warning restore CA1720
