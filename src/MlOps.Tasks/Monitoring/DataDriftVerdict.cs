namespace MlOps.Tasks.Monitoring;

/// <summary>drift.json's data drift verdict, in Evidently's words.</summary>
/// <param name="DatasetDrift">Whether the share of drifted columns reached <paramref name="DriftShare"/>.</param>
/// <param name="NumberOfColumns">Columns tested.</param>
/// <param name="NumberOfDriftedColumns">Columns that drifted.</param>
/// <param name="ShareOfDriftedColumns">Drifted columns as a share of those tested.</param>
/// <param name="DriftShare">The share at which the dataset counts as drifted (monitoring.drift_share).</param>
public sealed record DataDriftVerdict(bool DatasetDrift, int NumberOfColumns, int NumberOfDriftedColumns, double ShareOfDriftedColumns, double DriftShare);
