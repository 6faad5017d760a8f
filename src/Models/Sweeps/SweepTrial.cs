namespace MlOps.Models.Sweeps;

/// <summary>A trial as the samplers and the pruner see it.</summary>
/// <param name="Number">The trial's number, 0-based, in the order the trials were asked for.</param>
/// <param name="Params">Dimension name to text value, as <see cref="SearchDimension.Format"/> writes it or a choice.</param>
/// <param name="State">Where the trial is in its life.</param>
/// <param name="Loss">The objective, lower is better (the caller negates a metric it maximizes); null unless finished.</param>
/// <param name="Intermediate">The running loss after each step (step 1 is index 0), e.g. the mean over the folds done so far.</param>
public sealed record SweepTrial(int Number, IReadOnlyDictionary<string, string> Params, TrialState State, double? Loss, IReadOnlyList<double> Intermediate);
