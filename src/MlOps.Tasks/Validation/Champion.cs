using System.Globalization;

namespace MlOps.Tasks.Validation;

/// <summary>
/// The version a candidate must not regress against (alias <c>production</c>), measured with the candidate on the
/// held-out rows neither trained on: the candidate's held-out rows that the production version's run recorded as held out too.
/// </summary>
/// <param name="Version">Its version number.</param>
/// <param name="Candidate">The candidate's version number.</param>
/// <param name="Rows">How many held-out rows neither version trained on.</param>
/// <param name="Metrics">Its metrics on those rows; empty when they could not be compared.</param>
/// <param name="CandidateMetrics">The candidate's metrics on those rows; empty when they could not be compared.</param>
/// <param name="NotCompared">Why the two could not be compared, or null when they were.</param>
public sealed record Champion(int Version, int Candidate, int Rows, IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyDictionary<string, double> CandidateMetrics, string? NotCompared = null)
{
    /// <summary>The rows compared on, in words: "the 4,012 held-out rows neither v1 nor v2 trained on".</summary>
    public string RowsCompared =>
        string.Create(CultureInfo.InvariantCulture, $"the {Rows:N0} held-out rows neither v{Version} nor v{Candidate} trained on");
}
