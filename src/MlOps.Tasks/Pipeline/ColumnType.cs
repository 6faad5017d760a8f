namespace MlOps.Tasks.Pipeline;

/// <summary>What a column's values are, which decides how they are parsed, checked and featurised.</summary>
public enum ColumnType
{
    /// <summary>Finite numbers (invariant culture: <c>.</c> decimal point).</summary>
    Numeric,

    /// <summary>A value from a set of categories.</summary>
    Categorical,

    /// <summary>Free text.</summary>
    Text,

    /// <summary>true/false, yes/no, 1/0.</summary>
    Boolean,

    /// <summary>An identifier: kept for tracing, never a feature.</summary>
    Id,
}
