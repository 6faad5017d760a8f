using System.Text;
using Docker.DotNet.Models;

namespace MlOps.Tasks.Containers;

/// <summary>
/// Collects the daemon's progress messages for a build, import, push or pull. The daemon reports a
/// failed step as a message, not as an HTTP error, so the caller must ask whether one came.
/// </summary>
internal sealed class BuildProgress : IProgress<JSONMessage>
{
    private readonly StringBuilder output = new();
    private readonly List<string> errors = [];

    /// <summary>The image id the build reported last (<c>aux.ID</c>), if any.</summary>
    public string? ImageId { get; private set; }

    /// <summary>The manifest digest a push reported last (<c>aux.Digest</c>, <c>sha256:…</c>), if any.</summary>
    public string? Digest { get; private set; }

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
        ImageId = Aux(value, "ID") ?? ImageId;
        Digest = Aux(value, "Digest") ?? Digest;
    }

    /// <summary>Throws when the daemon reported an error, naming <paramref name="what"/> failed and, if given, the <paramref name="nextStep"/>.</summary>
    /// <exception cref="ContainerException">An error came.</exception>
    public void ThrowIfFailed(string what, string? nextStep = null)
    {
        if (errors.Count > 0)
        {
            var tail = string.Join('\n', Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(10));
            var next = nextStep is null ? string.Empty : ". " + nextStep;
            throw new ContainerException($"{what} failed: {string.Join("; ", errors.Distinct())}{next}\n{tail}");
        }
    }

    // A build's aux carries {"ID": …}; a push's {"Tag": …, "Digest": …, "Size": …}.
    private static string? Aux(JSONMessage message, string key) =>
        message.Aux?.ExtensionData is { } aux && aux.TryGetValue(key, out var value) ? value as string : null;
}
