namespace MlOps.Tasks.Pipeline;

/// <summary>The <c>schema</c> section: the table's columns, its label and the protected attributes.</summary>
public sealed record SchemaSection : PipelineSection
{
    /// <summary>The columns, in file order (the order matters only for files without a header).</summary>
    public required IReadOnlyList<ColumnSection> Columns { get; init; }

    /// <summary>The column the model predicts.</summary>
    public required string Label { get; init; }

    /// <summary>The label value that counts as positive (e.g. <c>1</c>, <c>&gt;50K</c>).</summary>
    public required string Positive { get; init; }

    /// <summary>Columns fairness is measured over.</summary>
    public IReadOnlyList<ProtectedSection> Protected { get; init; } = [];
}
