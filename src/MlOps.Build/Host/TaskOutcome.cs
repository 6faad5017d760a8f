namespace MlOps.Build.Host;

/// <summary>One row of the closing summary.</summary>
internal sealed record TaskOutcome(string Task, TaskStatus Status, TimeSpan Duration, string Note = "");
