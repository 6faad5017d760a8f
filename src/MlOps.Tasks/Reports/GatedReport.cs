namespace MlOps.Tasks.Reports;

/// <summary>What Report came to (<see cref="ModelReport.Gate"/>).</summary>
/// <param name="Outcome">The files written, or null when the last report stood.</param>
/// <param name="Summary">The one-line summary.</param>
public sealed record GatedReport(ReportOutcome? Outcome, string Summary);
