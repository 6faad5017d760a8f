namespace MlOps.Tasks.Monitoring;

/// <summary>Where Monitor writes its lines as it goes, by level: the host's log.</summary>
public sealed record MonitorLog
{
    /// <summary>An ordinary line.</summary>
    public required Action<string> Information { get; init; }

    /// <summary>A drifted column, a data problem, or a hint.</summary>
    public required Action<string> Warning { get; init; }

    /// <summary>A breach, or a retraining that cannot run.</summary>
    public required Action<string> Error { get; init; }
}
