namespace MlOps.Models.Schema;

/// <summary>How a column of the table is used by the model.</summary>
public enum ColumnKind
{
    /// <summary>A number; missing values are imputed.</summary>
    Numeric,

    /// <summary>A value from a small set; one-hot or hashed depending on how many distinct values it has.</summary>
    Categorical,

    /// <summary>Free text; turned into n-gram features.</summary>
    Text,

    /// <summary>true/false (also 1/0, yes/no).</summary>
    Boolean,

    /// <summary>An identifier: carried through to predictions, never a feature.</summary>
    Id,
}
