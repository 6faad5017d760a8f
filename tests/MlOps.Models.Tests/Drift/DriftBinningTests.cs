using MlOps.Models.Drift;

namespace MlOps.Models.Tests.Drift;

public sealed class DriftBinningTests
{
    // r = G(2000, 7919, 1009, 10.0, 0.0); c = G(3000, 104729, 1013, 10.0, 7.5): 1009 distinct reference values
    private static readonly double[] Reference = Scipy.Sample(2000, 7919, 1009, 10.0, 0.0);
    private static readonly double[] Current = Scipy.Sample(3000, 104729, 1013, 10.0, 7.5);

    [Test]
    public void Should_Cut_Many_Distinct_Numbers_Into_Sturges_Bins_Over_Both_Samples()
    {
        // Given: bins = np.histogram_bin_edges(np.concatenate([r, c]), bins="sturges")
        double[] edges =
        [
            0.0, 7.764285714285714, 15.528571428571428, 23.292857142857144, 31.057142857142857, 38.82142857142857,
            46.58571428571429, 54.35, 62.114285714285714, 69.87857142857143, 77.64285714285714, 85.40714285714286,
            93.17142857142858, 100.93571428571428, 108.7,
        ];

        // When
        var binned = DriftBinning.Bin(Reference, Current);

        // Then: np.histogram(r, bins)[0] / len(r), np.histogram(c, bins)[0] / len(c)
        Assert.That(binned.Edges, Is.EqualTo(edges));
        Assert.That(binned.Reference, Is.EqualTo(
            new long[] { 155, 154, 153, 154, 155, 152, 155, 154, 153, 154, 155, 153, 153, 0 }.Select(n => n / 2000.0)));
        Assert.That(binned.Current, Is.EqualTo(
            new long[] { 9, 231, 228, 231, 231, 228, 231, 231, 228, 231, 231, 228, 231, 231 }.Select(n => n / 3000.0)));
    }

    [Test]
    public void Should_Give_Each_Value_Its_Own_Bin_Up_To_Twenty_Distinct_Reference_Values()
    {
        // Given: 20 distinct reference values; the current sample adds a 21st
        double[] reference = [.. Enumerable.Range(0, 40).Select(i => (double)(i % 20))];
        double[] current = [.. Enumerable.Range(0, 10).Select(i => (double)(i % 5)), 99.0];

        // When
        var binned = DriftBinning.Bin(reference, current);

        // Then
        Assert.That(binned.Edges, Is.Empty);
        Assert.That(binned.Reference, Has.Count.EqualTo(21));
        Assert.That(binned.Reference.Take(5), Has.All.EqualTo(0.05));
        Assert.That(binned.Reference[20], Is.Zero);
        Assert.That(binned.Current.Take(5), Has.All.EqualTo(2 / 11.0));
        Assert.That(binned.Current[20], Is.EqualTo(1 / 11.0));
    }

    [Test]
    public void Should_Use_Sturges_Bins_From_Twenty_One_Distinct_Reference_Values()
    {
        // When
        var binned = DriftBinning.Bin([.. Enumerable.Range(0, 21).Select(i => (double)i)], [0.0]);

        // Then: np.histogram_bin_edges(range(21) + [0.0], bins="sturges") has 6 bins
        Assert.That(binned.Edges, Has.Count.EqualTo(7));
    }

    [Test]
    public void Should_Put_A_Value_On_An_Inner_Edge_In_The_Bin_Above_And_The_Largest_In_The_Last()
    {
        // When: np.histogram([0, 1, ..., 10], [0, 5, 10]) -> [5, 6]
        var counts = DriftBinning.Counts([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [0, 5, 10]);

        // Then
        Assert.That(counts, Is.EqualTo(new long[] { 5, 6 }));
    }

    [Test]
    public void Should_Place_Sturges_Edges_As_Numpy_Does()
    {
        // Then: np.histogram_bin_edges(np.arange(16.0), bins="sturges"); np.histogram_bin_edges([3.0, 3.0], bins="sturges")
        Assert.That(DriftBinning.SturgesEdges([.. Enumerable.Range(0, 16).Select(i => (double)i)]), Is.EqualTo(new[] { 0.0, 3, 6, 9, 12, 15 }));
        Assert.That(DriftBinning.SturgesEdges([3.0, 3.0]), Is.EqualTo(new[] { 2.5, 3.5 }));
    }

    [Test]
    public void Should_Fill_Empty_Bins_As_Evidently_Does()
    {
        // Given
        var binned = new BinnedShares { Reference = [0.5, 0.5, 0.0], Current = [0.99995, 0.00005, 0.0] };

        // When
        var filled = binned.WithZerosFilled();

        // Then: 0.0001 unless the smallest non-zero share is at most that, then that share / 10^6
        Assert.That(filled.Reference, Is.EqualTo(new[] { 0.5, 0.5, 0.0001 }));
        Assert.That(filled.Current, Is.EqualTo(new[] { 0.99995, 0.00005, 0.00005 / 1e6 }));
    }

    [Test]
    public void Should_Bin_Categories_One_Per_Value()
    {
        // When
        var binned = DriftBinning.BinValues(["a", "b", "a", "a"], ["c", "a"]);

        // Then
        Assert.That(binned.Reference, Is.EqualTo(new[] { 0.75, 0.25, 0.0 }));
        Assert.That(binned.Current, Is.EqualTo(new[] { 0.5, 0.0, 0.5 }));
    }
}
