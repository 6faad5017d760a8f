using System.Globalization;
using System.Text.RegularExpressions;

namespace MlOps.Tasks.Pipeline;

/// <summary>What the <c>environments</c> and <c>image</c> sections must hold before anything is built or deployed.</summary>
internal static partial class DeploymentChecks
{
    /// <exception cref="InvalidFileException">
    /// A name, port or registry is not usable, or a second environment is marked production; the message names its place.
    /// </exception>
    public static void Check(PipelineDefinition pipeline)
    {
        var ports = new Dictionary<int, string>();
        string? production = null;
        foreach (var (name, environment) in pipeline.Environments)
        {
            // The name becomes a folder and part of a container name.
            if (!SafeName().IsMatch(name))
            {
                throw new InvalidFileException(environment.Location!,
                    $"Environment name '{name}' must be lowercase letters, digits, '-' or '_', starting with a letter or digit (it names folders and containers).");
            }

            KubernetesChecks.Check(pipeline.Name, name, environment);
            var port = environment.Port ?? EnvironmentSection.DefaultPort(environment.Kind);
            if (port is < 1 or > 65535)
            {
                throw new InvalidFileException(environment.LocationOf("port")!,
                    string.Create(CultureInfo.InvariantCulture, $"'environments.{name}.port' is {port}; expected a port from 1 to 65535."));
            }

            // Deployments share their port with the server they replace, so two environments on one port would share traffic.
            if (environment.Kind != EnvironmentKind.Kubernetes && !ports.TryAdd(port, name))
            {
                throw new InvalidFileException(environment.LocationOf("port")!,
                    string.Create(CultureInfo.InvariantCulture, $"Environments '{ports[port]}' and '{name}' both answer on port {port}; give one of them another 'port'."));
            }

            // Alias production is one version: what the production environment serves, which Validate's gate compares with.
            if (environment.Production && (production ??= name) != name)
            {
                throw new InvalidFileException(environment.LocationOf("production")!,
                    $"Environments '{production}' and '{name}' are both marked 'production: true'; alias production is what one environment serves, "
                    + "so mark only one of them.");
            }
        }

        if (pipeline.Image.Registry is { } registry && !Loopback().IsMatch(registry))
        {
            throw new InvalidFileException(pipeline.Image.LocationOf("registry")!,
                $"'image.registry' is '{registry}'; expected a registry on this machine, as 127.0.0.1:<port> or localhost:<port>.");
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,62}$")]
    private static partial Regex SafeName();

    [GeneratedRegex(@"^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost):\d{1,5}$")]
    private static partial Regex Loopback();
}
