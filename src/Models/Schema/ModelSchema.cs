namespace MlOps.Models.Schema;

/// <summary>
/// The table a model is trained on and scores: its columns, the label and the label's positive value.
/// Travels inside the model bundle, so a server can check requests against it.
/// </summary>
/// <param name="Columns">Every column in table order, the label included.</param>
/// <param name="Label">The column the model predicts.</param>
/// <param name="Positive">The label's value that means "yes" (the class whose probability is the score).</param>
public sealed record ModelSchema(IReadOnlyList<ModelColumn> Columns, string Label, string Positive)
{
    /// <summary>The columns the model reads as features: everything but the label and identifiers.</summary>
    public IEnumerable<ModelColumn> Features =>
        Columns.Where(c => c.Name != Label && c.Kind != ColumnKind.Id);
}
