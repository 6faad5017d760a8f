using System.Diagnostics;
using System.Globalization;
using MlOps.Models.Training;

namespace MlOps.Tasks.Training;

/// <summary>Says each phase of training as it starts, with the time so far: readable in a terminal and in CI logs.</summary>
/// <param name="say">Where the lines go.</param>
/// <param name="what">What trains, the start of each line (<c>Train</c>).</param>
public sealed class TrainingSteps(Action<string> say, string what) : IProgress<TrainingProgress>
{
    private readonly Stopwatch watch = Stopwatch.StartNew();

    /// <inheritdoc/>
    public void Report(TrainingProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        say(string.Create(CultureInfo.InvariantCulture,
            $"{what}: {value.Phase} (step {Math.Min(value.Step + 1, value.Steps)} of {value.Steps}, {watch.Elapsed.TotalSeconds:0.0}s)"));
    }
}
