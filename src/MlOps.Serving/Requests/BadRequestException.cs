namespace MlOps.Serving.Requests;

/// <summary>A request the server turns away: answered as problem details, never as a 500.</summary>
/// <param name="problem">What kind of problem it is.</param>
/// <param name="detail">What exactly is wrong, naming the field and row, and what to do.</param>
/// <param name="field">The column or member at fault, if one is.</param>
/// <param name="row">The row at fault (0-based, as the request's arrays count), if one is.</param>
internal sealed class BadRequestException(Problem problem, string detail, string? field = null, int? row = null) : Exception(detail)
{
    public Problem Problem { get; } = problem;

    public string? Field { get; } = field;

    public int? Row { get; } = row;
}
