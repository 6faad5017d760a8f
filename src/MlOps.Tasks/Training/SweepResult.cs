using MlOps.Models.Sweeps;
using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Training;

/// <summary>What a sweep found.</summary>
/// <param name="Refit">The training section with the best trial's trainer and parameters, to fit on all training rows.</param>
/// <param name="Trials">Every trial, by number.</param>
/// <param name="Best">The finished trial with the best objective.</param>
internal sealed record SweepResult(TrainingSection Refit, IReadOnlyList<SweepTrial> Trials, SweepTrial Best);
