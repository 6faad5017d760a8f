using MlOps.Models.Sweeps;
using MlOps.Models.Training;
using MlOps.Tasks.Pipeline;

namespace MlOps.Tasks.Training;

/// <summary>
/// The search space of <c>training.sweep</c> as the samplers see it: one dimension per searched parameter, named
/// <c>trainer.parameter</c>, and a <c>trainer</c> choice when the space names several trainers.
/// </summary>
internal sealed class SweepSpace
{
    /// <summary>The dimension that chooses the trainer, when the space names several.</summary>
    public const string TrainerDimension = "trainer";

    private readonly TrainingSection training;
    private readonly SweepSection sweep;

    public SweepSpace(TrainingSection training)
    {
        this.training = training;
        sweep = training.Sweep ?? throw new ArgumentException("The training section has no sweep.", nameof(training));
        // By name, not in the file's order: the fingerprint does not see the order, so the trials must not depend on it.
        var several = sweep.Space.Count > 1;
        var dimensions = new List<SearchDimension>();
        var trainers = sweep.Space.Keys.Order(StringComparer.Ordinal).ToList();
        if (several)
        {
            dimensions.Add(new SearchDimension(TrainerDimension, DimensionKind.Choice) { Choices = trainers });
        }

        foreach (var trainer in trainers)
        {
            var parameters = TrainerCatalog.Parameters(trainer).ToDictionary(p => p.Name, StringComparer.Ordinal);
            dimensions.AddRange(sweep.Space[trainer].OrderBy(r => r.Key, StringComparer.Ordinal)
                .Select(r => Dimension($"{trainer}.{r.Key}", parameters[r.Key], r.Value) with { Trainer = several ? trainer : null }));
        }

        Space = new SearchSpace(dimensions);
    }

    /// <summary>The dimensions.</summary>
    public SearchSpace Space { get; }

    /// <summary>The trainer of a trial with <paramref name="values"/> (dimension name to value).</summary>
    public string TrainerOf(IReadOnlyDictionary<string, string> values) => values.GetValueOrDefault(TrainerDimension) ?? sweep.Space.Keys.Single();

    /// <summary>
    /// The trainer and hyper-parameters of a trial: <c>training.parameters</c> when it is <c>training.trainer</c>,
    /// with the searched values in their place.
    /// </summary>
    public TrainingSection Options(IReadOnlyDictionary<string, string> values)
    {
        var trainer = TrainerOf(values);
        var parameters = new Dictionary<string, string>(trainer == training.Trainer ? training.Parameters : new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (var (name, value) in values.Where(v => v.Key.StartsWith(trainer + ".", StringComparison.Ordinal)))
        {
            parameters[name[(trainer.Length + 1)..]] = value;
        }

        return training with { Trainer = trainer, Parameters = parameters };
    }

    /// <summary>A trial's searched values as logged: the trainer, then each parameter by its own name.</summary>
    public Dictionary<string, string> Params(IReadOnlyDictionary<string, string> values)
    {
        var trainer = TrainerOf(values);
        var logged = new Dictionary<string, string>(StringComparer.Ordinal) { ["trainer"] = trainer };
        foreach (var (name, value) in values.Where(v => v.Key.StartsWith(trainer + ".", StringComparison.Ordinal)))
        {
            logged[name[(trainer.Length + 1)..]] = value;
        }

        return logged;
    }

    private static SearchDimension Dimension(string name, TrainerParameter parameter, SearchRangeSection range) => range.Choice is { } choices
        ? new SearchDimension(name, DimensionKind.Choice) { Choices = choices }
        : new SearchDimension(name, parameter.IsWhole ? DimensionKind.Int : DimensionKind.Float)
        {
            Low = range.Low!.Value,
            High = range.High!.Value,
            Log = range.Log,
            Step = range.Step,
        };
}
