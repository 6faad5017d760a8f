using System.Globalization;
using System.Text.RegularExpressions;

namespace MlOps.Tasks.Pipeline;

/// <summary>What a <c>kubernetes</c> environment's settings must hold before anything is rendered or applied.</summary>
internal static partial class KubernetesChecks
{
    private static readonly string[] ServiceTypes = ["ClusterIP", "NodePort", "LoadBalancer"];

    /// <exception cref="InvalidFileException">A setting is not usable; the message names its place.</exception>
    public static void Check(string pipelineName, string name, EnvironmentSection environment)
    {
        var path = $"environments.{name}.kubernetes";
        if (environment.Kind != EnvironmentKind.Kubernetes)
        {
            if (environment.Kubernetes is { } stray)
            {
                throw new InvalidFileException(stray.Location!, $"'{path}' is only read for 'kind: kubernetes'; remove it or change the kind.");
            }

            return;
        }

        var settings = environment.Kubernetes ?? new KubernetesSection();
        if (!LabelValue().IsMatch(name))
        {
            throw new InvalidFileException(environment.Location!,
                $"Environment name '{name}' must end with a letter or digit for a kubernetes environment (it is a label value there).");
        }

        if (!LabelValue().IsMatch(pipelineName))
        {
            throw new InvalidFileException(environment.Location!,
                $"The pipeline's name '{pipelineName}' must end with a letter or digit for a kubernetes environment (it is a label value there).");
        }

        foreach (var (key, value) in settings.Labels)
        {
            if (value.Length > 63 || !(value.Length == 0 || LabelValue().IsMatch(value.ToLowerInvariant())))
            {
                throw new InvalidFileException(settings.LocationOf($"labels.{key}")!,
                    $"'{path}.labels.{key}' is '{value}'; a label value is at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit.");
            }
        }

        if (settings.Name is null && !char.IsAsciiLetterLower(pipelineName[0]))
        {
            throw new InvalidFileException(environment.Location!,
                $"Kubernetes Service names start with a letter, and '{pipelineName}-{name}' does not; give '{path}.name'.");
        }

        if (settings.Namespace is { } space && !DnsLabel().IsMatch(space))
        {
            throw new InvalidFileException(settings.LocationOf("namespace")!, $"'{path}.namespace' is '{space}'; expected a DNS label (lowercase letters, digits, '-').");
        }

        AtLeast(settings, path, "replicas", settings.Replicas, 1);
        AtLeast(settings, path, "timeout_seconds", settings.TimeoutSeconds, 1);
        AtLeast(settings, path, "min_available", settings.MinAvailable, 0);
        AtLeast(settings, path, "scale_down_delay_seconds", settings.ScaleDownDelaySeconds, 0);
        if (settings.ServicePort is < 1 or > 65535)
        {
            throw new InvalidFileException(settings.LocationOf("service_port")!, Invariant($"'{path}.service_port' is {settings.ServicePort}; expected 1 to 65535."));
        }

        if (settings.ServiceType is { } type && !ServiceTypes.Contains(type, StringComparer.Ordinal))
        {
            throw new InvalidFileException(settings.LocationOf("service_type")!, $"'{path}.service_type' is '{type}'; expected {string.Join(", ", ServiceTypes)}.");
        }

        if (settings.MinAvailable >= (settings.Replicas ?? 1))
        {
            throw new InvalidFileException(settings.LocationOf("min_available")!, Invariant(
                $"'{path}.min_available' is {settings.MinAvailable} of {settings.Replicas ?? 1} replicas: no node could ever be drained; keep it below 'replicas'."));
        }

        if (settings.Autoscale is { } autoscale)
        {
            AtLeast(autoscale, path + ".autoscale", "min_replicas", autoscale.MinReplicas, 1);
            AtLeast(autoscale, path + ".autoscale", "max_replicas", autoscale.MaxReplicas, autoscale.MinReplicas);
            if (settings.Strategy == RolloutStrategy.Canary)
            {
                throw new InvalidFileException(settings.LocationOf("autoscale")!,
                    $"'{path}.autoscale' works with strategy rolling or blue_green: a canary's replica counts are its traffic weights.");
            }

            if (settings.Replicas is { } replicas && (replicas < autoscale.MinReplicas || replicas > autoscale.MaxReplicas))
            {
                throw new InvalidFileException(settings.LocationOf("replicas")!, Invariant(
                    $"'{path}.replicas' is {replicas}, outside autoscale's {autoscale.MinReplicas} to {autoscale.MaxReplicas}; the autoscaler would undo it."));
            }

            if (autoscale.CpuPercent is < 1 or > 100)
            {
                throw new InvalidFileException(autoscale.LocationOf("cpu_percent")!, Invariant($"'{path}.autoscale.cpu_percent' is {autoscale.CpuPercent}; expected 1 to 100."));
            }
        }

        CheckSteps(settings, path);
    }

    private static void CheckSteps(KubernetesSection settings, string path)
    {
        if (settings.Strategy != RolloutStrategy.Canary && (settings.Steps.Count > 0 || settings.Route is not null))
        {
            var key = settings.Steps.Count > 0 ? "steps" : "route";
            throw new InvalidFileException(settings.LocationOf(key)!, $"'{path}.{key}' is only read for 'strategy: canary'; remove it or change the strategy.");
        }

        var weight = 0;
        for (var i = 0; i < settings.Steps.Count; i++)
        {
            var step = settings.Steps[i];
            weight = step.SetWeight ?? weight;
            var at = Invariant($"{path}.steps[{i}]");
            var given = new[] { step.SetWeight is not null, step.Pause is not null, step.Analysis is not null }.Count(g => g);
            if (given != 1)
            {
                throw new InvalidFileException(step.Location!, $"'{at}' must give exactly one of set_weight, pause or analysis (as Argo Rollouts' steps do).");
            }

            if (step.SetWeight is < 0 or > 100)
            {
                throw new InvalidFileException(step.LocationOf("set_weight")!, Invariant($"'{at}.set_weight' is {step.SetWeight}; expected a percentage from 0 to 100."));
            }

            AtLeast(step, at, "pause", step.Pause, 0);
            if (step.Analysis is { } analysis)
            {
                CheckAnalysis(analysis, at + ".analysis");
                if (weight == 0 || (weight == 100 && settings.Route is null && analysis.MaxPositiveRateDifference is not null))
                {
                    throw new InvalidFileException(step.Location!, weight == 0
                        ? $"'{at}' analyses a canary that has no pods yet; put a set_weight above 0 before it."
                        : $"'{at}' compares with stable, which has no pods at set_weight 100 without a route; analyse at a lower weight.");
                }
            }
        }
    }

    private static void CheckAnalysis(AnalysisSection analysis, string path)
    {
        AtLeast(analysis, path, "min_requests", analysis.MinRequests, 0);
        AtLeast(analysis, path, "samples", analysis.Samples, 1);
        AtLeast(analysis, path, "interval", analysis.Interval, 0);
        if (analysis.MaxErrorRate is < 0 or > 1)
        {
            throw new InvalidFileException(analysis.LocationOf("max_error_rate")!, Invariant($"'{path}.max_error_rate' is {analysis.MaxErrorRate}; expected a share from 0 to 1."));
        }

        if (analysis.MaxPositiveRateDifference is < 0 or > 1)
        {
            throw new InvalidFileException(analysis.LocationOf("max_positive_rate_difference")!,
                Invariant($"'{path}.max_positive_rate_difference' is {analysis.MaxPositiveRateDifference}; expected a share from 0 to 1."));
        }

        if (analysis.Queries.Count > 0 && analysis.Prometheus is null)
        {
            throw new InvalidFileException(analysis.LocationOf("queries")!, $"'{path}.queries' need 'prometheus', the URL of the Prometheus server to ask.");
        }

        if (analysis.Prometheus is { } url && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            throw new InvalidFileException(analysis.LocationOf("prometheus")!, $"'{path}.prometheus' is '{url}'; expected an http(s) URL such as http://prometheus:9090.");
        }
    }

    private static void AtLeast(PipelineSection section, string path, string key, int? value, int least)
    {
        if (value < least)
        {
            throw new InvalidFileException(section.LocationOf(key)!, Invariant($"'{path}.{key}' is {value}; expected at least {least}."));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")]
    private static partial Regex DnsLabel();

    [GeneratedRegex("^([a-z0-9][-_.a-z0-9]*)?[a-z0-9]$")]
    private static partial Regex LabelValue();
}
