using MlOps.Models.Sweeps;
using MlOps.Tasks.Pipeline;
using MlOps.Tasks.Training;

namespace MlOps.Tasks.Reports;

/// <summary>How much of the sweep's objective one searched parameter explains, as <see cref="ParameterImportance"/> estimates it.</summary>
/// <param name="Parameter">The search dimension: <c>trainer.parameter</c>, or <c>trainer</c> when the sweep chose between trainers.</param>
/// <param name="Share">Its share of the importance; the shares sum to 1 unless no parameter explains anything.</param>
internal sealed record SweepImportance(string Parameter, double Share)
{
    /// <summary>How the importance is estimated, in one sentence for the card and the report.</summary>
    public const string Method = "Importance is the correlation ratio η² of the finished trials' objective grouped by the parameter's value "
        + "(a numeric parameter with more than 10 values in 10 quantile bins), normalised to sum to 1: a simpler stand-in for fANOVA.";

    /// <summary>The importance of each dimension of the sweep of <paramref name="training"/>, most important first; empty when it has no sweep.</summary>
    public static IReadOnlyList<SweepImportance> Of(TrainingSection training, SweepHistory history)
    {
        if (training.Sweep is null)
        {
            return [];
        }

        var space = new SweepSpace(training).Space;
        var trials = history.Trials.Select(t => Trial(t, history.Minimises)).ToList();
        return [.. ParameterImportance.Of(space, trials)
            .Select(p => new SweepImportance(training.Sweep.Space.Count == 1 ? p.Key[(p.Key.IndexOf('.', StringComparison.Ordinal) + 1)..] : p.Key, p.Value))
            .OrderByDescending(p => p.Share)
            .ThenBy(p => p.Parameter, StringComparer.Ordinal)];
    }

    /// <summary>
    /// A trial's values by the name of their dimension: the store logs each parameter by its own name next to the trainer,
    /// the space names it <c>trainer.parameter</c>.
    /// </summary>
    public static Dictionary<string, string> Dimensions(TrialRecord trial)
    {
        var trainer = trial.Params.GetValueOrDefault(SweepSpace.TrainerDimension, "");
        return trial.Params.ToDictionary(p => p.Key == SweepSpace.TrainerDimension ? p.Key : $"{trainer}.{p.Key}", p => p.Value, StringComparer.Ordinal);
    }

    private static SweepTrial Trial(TrialRecord trial, bool minimises)
    {
        var values = Dimensions(trial);
        var state = trial.State switch
        {
            "finished" => TrialState.Finished,
            "pruned" => TrialState.Pruned,
            "running" => TrialState.Running,
            _ => TrialState.Failed,
        };
        var loss = trial.Objective is { } objective ? (minimises ? objective : -objective) : (double?)null;
        return new SweepTrial(trial.Number, values, state, state == TrialState.Finished ? loss : null, []);
    }
}
