using System.Text;
using Docker.DotNet.Models;

namespace MlOps.Tasks.Containers;

/// <summary>
/// Collects the daemon's progress messages for a build or import. The daemon reports a failed step
/// as a message, not as an HTTP error, so the caller must ask whether one came.
/// </summary>
internal sealed class BuildProgress : IProgress<JSONMessage>
{
    private readonly StringBuilder output = new();
    private readonly List<string> errors = [];

    /// <summary>The image id the build reported last (<c>aux.ID</c>), if any.</summary>
    public string? ImageId { get; private set; }

    /// <summary>The build's text output (the Dockerfile steps and their output).</summary>
    public string Output => output.ToString();

    /// <inheritdoc />
    public void Report(JSONMessage value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var error = value.Error?.Message is { Length: > 0 } message ? message : value.ErrorMessage;
        if (!string.IsNullOrEmpty(error))
        {
            errors.Add(error);
        }

        output.Append(value.Stream ?? (value.Status is { Length: > 0 } status ? status + "\n" : string.Empty));
        if (value.Aux?.ExtensionData is { } aux && aux.TryGetValue("ID", out var id) && id is string text)
        {
            ImageId = text;
        }
    }

    /// <summary>Throws when the daemon reported an error, naming <paramref name="what"/> failed.</summary>
    /// <exception cref="ContainerException">An error came.</exception>
    public void ThrowIfFailed(string what)
    {
        if (errors.Count > 0)
        {
            var tail = string.Join('\n', Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(10));
            throw new ContainerException($"{what} failed: {string.Join("; ", errors.Distinct())}\n{tail}");
        }
    }
}
