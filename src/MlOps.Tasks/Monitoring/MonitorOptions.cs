using MlOps.Tasks.Pipeline;
using MlOps.Tasks.Tracking;

namespace MlOps.Tasks.Monitoring;

/// <summary>What Monitor checks: the pipeline's deployment in an environment, with the command line's choices.</summary>
public sealed record MonitorOptions
{
    /// <summary>The pipeline file, read.</summary>
    public required PipelineDefinition Pipeline { get; init; }

    /// <summary>The repository root; file names shown to the user are relative to it.</summary>
    public required string RepositoryRoot { get; init; }

    /// <summary>The pipeline's artifacts folder; Monitor writes into its <c>monitoring</c> folder.</summary>
    public required string ArtifactsFolder { get; init; }

    /// <summary>The tracking store and registry: its database, and the local folder for keys, locks and servers.</summary>
    public required StoreLocation Store { get; init; }

    /// <summary>The environment whose deployment is watched.</summary>
    public required string Environment { get; init; }

    /// <summary><c>--reference</c>: the CSV to compare with, relative to the repository, or null for the deployed version's data.</summary>
    public string? Reference { get; init; }

    /// <summary><c>--current</c>: a CSV batch, relative to the repository, or null for the server's logged inputs.</summary>
    public string? Current { get; init; }

    /// <summary><c>--since</c>: 30m, 24h, 7d or a time, or null for all of the deployment's traffic.</summary>
    public string? Since { get; init; }

    /// <summary><c>--feedback</c>: labelled outcomes to join to the predictions, or null for monitoring.concept.feedback.</summary>
    public string? Feedback { get; init; }

    /// <summary><c>--retrain</c>: run the training pipeline on the current batch when drift is found.</summary>
    public bool Retrain { get; init; }

    /// <summary>What re-runs the build program for <see cref="Retrain"/>.</summary>
    public required RetrainingProgram Program { get; init; }

    /// <summary>Where the lines go as Monitor works.</summary>
    public required MonitorLog Log { get; init; }
}
