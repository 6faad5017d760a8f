namespace MlOps.Tasks.Monitoring;

/// <summary>What <c>--retrain</c> does after a Monitor run.</summary>
internal enum RetrainingAction
{
    /// <summary><c>--retrain</c> was not given.</summary>
    NotRequested,

    /// <summary>Neither data drift nor concept drift was found.</summary>
    NoDrift,

    /// <summary>Drift was found in the server's logged inputs, which carry no labels to train on.</summary>
    NoLabels,

    /// <summary>Run the training pipeline on the current batch.</summary>
    Retrain,
}

/// <summary>Whether Monitor retrains, and for <see cref="RetrainingAction.Retrain"/> the table and the build program's options.</summary>
internal sealed record RetrainingDecision(RetrainingAction Action, string? Table = null, IReadOnlyList<string>? Arguments = null);
