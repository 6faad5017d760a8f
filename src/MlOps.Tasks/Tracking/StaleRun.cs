namespace MlOps.Tasks.Tracking;

/// <summary>A run left <see cref="RunStatus.Running"/> by a process that is gone (a build killed mid-run).</summary>
/// <param name="Id">The run's id.</param>
/// <param name="Experiment">Its experiment.</param>
/// <param name="Host">The machine its process ran on.</param>
/// <param name="Pid">Its process's id.</param>
/// <param name="ProcessStarted">When its process started (UTC): with the id, what tells it from a later process with the same id.</param>
public sealed record StaleRun(string Id, string Experiment, string Host, int Pid, DateTimeOffset ProcessStarted);
