using System.Diagnostics;
using System.Globalization;
using Cake.Core.Diagnostics;
using MlOps.Models.Training;

namespace MlOps.Build.Host;

/// <summary>Logs each phase of training as it starts, with the time so far: readable in a terminal and in CI logs.</summary>
internal sealed class StepProgress(ICakeLog log, string what) : IProgress<TrainingProgress>
{
    private readonly Stopwatch watch = Stopwatch.StartNew();

    public void Report(TrainingProgress value) =>
        log.Information(string.Create(CultureInfo.InvariantCulture,
            $"{what}: {value.Phase} (step {Math.Min(value.Step + 1, value.Steps)} of {value.Steps}, {watch.Elapsed.TotalSeconds:0.0}s)"));
}
