namespace MlOps.Models.Sweeps;

/// <summary>
/// The dimensions of a sweep. A Choice dimension named <see cref="TrainerName"/> (itself unconditional) is optional;
/// the other dimensions may be conditional on its value through <see cref="SearchDimension.Trainer"/>.
/// </summary>
/// <param name="Dimensions">The dimensions, names unique.</param>
public sealed record SearchSpace(IReadOnlyList<SearchDimension> Dimensions)
{
    /// <summary>The name of the dimension that other dimensions may be conditional on.</summary>
    public const string TrainerName = "trainer";

    /// <summary>The dimensions that apply to a trial whose "trainer" value is <paramref name="trainer"/> (null: the unconditional ones).</summary>
    public IReadOnlyList<SearchDimension> ActiveFor(string? trainer) =>
        [.. Dimensions.Where(d => d.Trainer is null || (trainer is not null && string.Equals(d.Trainer, trainer, StringComparison.Ordinal)))];

    /// <summary>The "trainer" dimension, or null when the space has none.</summary>
    internal SearchDimension? TrainerDimension => Dimensions.FirstOrDefault(d => string.Equals(d.Name, TrainerName, StringComparison.Ordinal));

    /// <summary>
    /// A trial's parameters: the "trainer" dimension first (when there is one), then every other dimension active for the
    /// chosen trainer, in the order of <see cref="Dimensions"/>; <paramref name="draw"/> gives each one's value as the samplers use it.
    /// </summary>
    internal Dictionary<string, string> Draw(Func<SearchDimension, double> draw)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var trainer = TrainerDimension;
        string? chosen = null;
        if (trainer is not null)
        {
            chosen = trainer.Format(draw(trainer));
            values[trainer.Name] = chosen;
        }

        foreach (var dimension in ActiveFor(chosen).Where(d => !ReferenceEquals(d, trainer)))
        {
            values[dimension.Name] = dimension.Format(draw(dimension));
        }

        return values;
    }

    /// <summary>Throws <see cref="ArgumentException"/> when a dimension is invalid, a name repeats or "trainer" is not an unconditional Choice.</summary>
    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Dimensions);
        var repeated = Dimensions.GroupBy(d => d.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw new ArgumentException($"Sweep dimension '{repeated.Key}' appears more than once.", nameof(Dimensions));
        }

        if (TrainerDimension is { } trainer && (trainer.Kind != DimensionKind.Choice || trainer.Trainer is not null))
        {
            throw new ArgumentException($"Sweep dimension '{TrainerName}' must be an unconditional Choice.", nameof(Dimensions));
        }

        foreach (var dimension in Dimensions)
        {
            dimension.Validate();
        }
    }
}
