namespace MlOps.Models.Sweeps;

/// <summary>
/// Tries every combination of the grid once, as Optuna's GridSampler: the combinations are numbered, the numbers shuffled by
/// a Fisher–Yates shuffle driven by <c>new Random(seed)</c>, and trial n gets the combination at position n of that order.
/// Each dimension's values are its choices or its step grid (Low, Low + Step, ... ≤ High; Int's step defaults to 1).
/// With a "trainer" dimension the grid is the union over trainers of the product of that trainer's dimensions.
/// </summary>
/// <param name="seed">The sweep's seed.</param>
public sealed class GridSampler(int seed) : ISweepSampler
{
    private int[]? shuffled;

    /// <summary>The number of combinations in the grid of <paramref name="space"/>.</summary>
    /// <exception cref="ArgumentException">A Float dimension has no step, or the space is invalid.</exception>
    /// <exception cref="OverflowException">The grid has more than <see cref="int.MaxValue"/> combinations.</exception>
    public static int Count(SearchSpace space) => checked((int)Blocks(space).Sum(b => b.Size));

    /// <inheritdoc/>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="number"/> is negative or at least <see cref="Count"/>.</exception>
    public IReadOnlyDictionary<string, string> Sample(SearchSpace space, IReadOnlyList<SweepTrial> history, int number)
    {
        var blocks = Blocks(space);
        var count = checked((int)blocks.Sum(b => b.Size));
        if (number < 0 || number >= count)
        {
            throw new ArgumentOutOfRangeException(nameof(number), number, $"The grid has {count} combinations: trials 0 to {count - 1}.");
        }

        long index = Shuffled(count)[number];  // one shuffle per sampler: sweeps ask for trial after trial
        foreach (var block in blocks)
        {
            if (index < block.Size)
            {
                return block.Combination(index);
            }

            index -= block.Size;
        }

        throw new InvalidOperationException("Unreachable: the index lies in some block.");
    }

    private int[] Shuffled(int count)
    {
        if (shuffled?.Length == count)
        {
            return shuffled;
        }

        var order = new int[count];
        for (var i = 0; i < count; i++)
        {
            order[i] = i;
        }

        var random = new Random(seed);
        for (var i = count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        return shuffled = order;
    }

    private static List<GridBlock> Blocks(SearchSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        space.Validate();
        var stepless = space.Dimensions.FirstOrDefault(d => d.Kind == DimensionKind.Float && d.Step is null);
        if (stepless is not null)
        {
            throw new ArgumentException($"Sweep dimension '{stepless.Name}' is a Float without Step: a grid needs a step for every number.", nameof(space));
        }

        var trainer = space.TrainerDimension;
        if (trainer is null)
        {
            return [new GridBlock(null, space.ActiveFor(null))];
        }

        return [.. trainer.Choices.Select(t => new GridBlock((trainer.Name, t), [.. space.ActiveFor(t).Where(d => !ReferenceEquals(d, trainer))]))];
    }

    private sealed class GridBlock((string Name, string Value)? fixedValue, IReadOnlyList<SearchDimension> dimensions)
    {
        public long Size { get; } = dimensions.Aggregate(1L, (size, d) => checked(size * d.GridSize));

        public Dictionary<string, string> Combination(long index)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            if (fixedValue is { } pair)
            {
                values[pair.Name] = pair.Value;
            }

            // Mixed radix, the last dimension varying fastest.
            for (var i = dimensions.Count - 1; i >= 0; i--)
            {
                var dimension = dimensions[i];
                values[dimension.Name] = dimension.Format(dimension.GridValue(index % dimension.GridSize));
                index /= dimension.GridSize;
            }

            return values;
        }
    }
}
