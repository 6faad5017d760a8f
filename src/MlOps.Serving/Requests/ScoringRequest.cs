using MlOps.Models.Tables;

namespace MlOps.Serving.Requests;

/// <summary>A request that passed validation: the rows to score and how to answer.</summary>
/// <param name="Rows">The rows, as the table the model scores.</param>
/// <param name="Ids">The identifier column's values, echoed in the predictions, when the request sent them.</param>
/// <param name="Threshold">The score above which a row is predicted positive (params.threshold, default 0.5).</param>
internal sealed record ScoringRequest(TableData Rows, IReadOnlyList<string>? Ids, double Threshold);
