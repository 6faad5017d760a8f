using MlOps.Tasks.Profiling;

namespace MlOps.Tasks.Tests.Profiling;

public sealed class RadixSortTests
{
    [Test]
    public void Should_Sort_Like_A_Comparison_Sort_Including_Negatives_Zeros_And_Infinities()
    {
        // Given
        var random = new Random(3);
        var values = Enumerable.Range(0, 10_000).Select(_ => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-5, 8)))
            .Concat([0.0, -0.0, double.PositiveInfinity, double.NegativeInfinity, 1, 1, -1, double.Epsilon])
            .ToArray();
        var expected = values.Order().ToArray();

        // When
        RadixSort.Sort(values);

        // Then
        Assert.That(values, Is.EqualTo(expected));
    }
}
