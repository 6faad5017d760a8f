namespace MlOps.Tasks.Reports;

/// <summary>Where Report spent its time, for the log at diagnostic verbosity.</summary>
/// <param name="Reading">Opening the bundle, loading the model and reading the held-out rows.</param>
/// <param name="Importance">Permutation feature importance on the sample.</param>
/// <param name="Contributions">Per-prediction contributions of the example rows.</param>
/// <param name="Writing">Writing the card and the HTML report, plots included, and logging both.</param>
public sealed record ReportTimings(TimeSpan Reading, TimeSpan Importance, TimeSpan Contributions, TimeSpan Writing);
