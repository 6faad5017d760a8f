using MlOps.Tasks.Monitoring.Health;
using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Monitoring;

/// <summary>The deployed server's health from its /metrics, held to monitoring.slo; or why it could not be read.</summary>
public sealed record ServiceCheck
{
    /// <summary>The server's address.</summary>
    public required string Address { get; init; }

    /// <summary>Requests, errors, latency and rate since the server started; null when /metrics could not be read.</summary>
    public ServiceHealth? Health { get; init; }

    /// <summary>Each objective set in monitoring.slo, met, breached or not measured.</summary>
    public IReadOnlyList<ObjectiveResult> Objectives { get; init; } = [];

    /// <summary>Why /metrics could not be read (the server is down), else null.</summary>
    public string? Problem { get; init; }

    /// <summary>One line per breached objective, or the problem.</summary>
    public IEnumerable<string> Breaches => Problem is { } problem ? [$"service: {problem}"] : Objectives.Where(o => o.Breached).Select(o => o.Message);

    /// <summary>Reads /metrics of the server at <paramref name="address"/> (loopback only) and checks the objectives.</summary>
    public static async Task<ServiceCheck> RunAsync(string address, ServiceLevelSection slo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slo);
        try
        {
            var scrape = await MetricsScrape.FetchAsync(new Uri(address), TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
            var health = ServiceHealth.Of(scrape);
            return new ServiceCheck { Address = address, Health = health, Objectives = ServiceLevelCheck.Evaluate(health, slo) };
        }
        catch (MetricsUnavailableException e)
        {
            return new ServiceCheck { Address = address, Problem = e.Message };
        }
    }
}
