using System.Buffers;
using MlOps.Models.Tables;

namespace MlOps.Serving.Requests;

/// <summary>A request that passed validation: the rows to score and how to answer.</summary>
/// <param name="Rows">The rows, as the table the model scores.</param>
/// <param name="Ids">The identifier column's values, echoed in the predictions, when the request sent them.</param>
/// <param name="Threshold">The score above which a row is predicted positive (params.threshold, default 0.5).</param>
internal sealed record ScoringRequest(TableData Rows, IReadOnlyList<string>? Ids, double Threshold)
{
    /// <summary>The pooled table <see cref="Rows"/> lies in, if it does: given back by <see cref="Release"/>.</summary>
    public PooledTable? Pooled { get; init; }

    /// <summary>The body as received (for the audit log's input hash); in <see cref="RentedBody"/> when that is set.</summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>The array from <see cref="ArrayPool{T}.Shared"/> that holds <see cref="Body"/>, if one does: given back by <see cref="Release"/>.</summary>
    public byte[]? RentedBody { get; init; }

    /// <summary>
    /// Gives the rows' table and the body back to their pools, once the request is answered, logged
    /// and counted; neither may be read after.
    /// </summary>
    public void Release()
    {
        Pooled?.Return();
        if (RentedBody is { } rented)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
