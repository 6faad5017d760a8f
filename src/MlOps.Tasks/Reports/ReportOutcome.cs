namespace MlOps.Tasks.Reports;

/// <summary>The files Report wrote and what it could explain.</summary>
/// <param name="RunId">The training run both files were logged to.</param>
/// <param name="ModelCard">artifacts/&lt;pipeline&gt;/model-card.md.</param>
/// <param name="Html">artifacts/&lt;pipeline&gt;/report.html.</param>
/// <param name="Explanation">Feature importance and contributions, or null when the bundle could not be explained.</param>
public sealed record ReportOutcome(string RunId, string ModelCard, string Html, Explanation? Explanation)
{
    /// <summary>Where the time went.</summary>
    public ReportTimings Timings { get; init; } = new(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);
}
